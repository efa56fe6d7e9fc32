/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.subscription;

/**
 * A connection's outgoing message queue as the subscriptions see it: bounded (the server's {@code
 * --rpc-message-buffer-capacity-per-connection}) and confined to one thread (a Netty event loop).
 */
public interface Outbox {
  /** Whether one more message fits now; called on the outbox's thread only. */
  boolean hasRoom();

  /** Writes one message; called on the outbox's thread only. */
  void write(String message);

  /** Runs {@code task} on the outbox's thread, after the tasks already queued. */
  void execute(Runnable task);
}
