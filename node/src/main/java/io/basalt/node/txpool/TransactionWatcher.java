/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.bytes.Hash256;
import java.util.function.Consumer;

/**
 * The subscription {@link TransactionPool#submitAndWatch} returns: its listener receives the
 * transaction's {@link TransactionStatus} events, in order, on the pool's delivery (never under the
 * pool's lock), until a final event or {@link #close()}.
 */
public final class TransactionWatcher implements AutoCloseable {
  private final Hash256 hash;
  private final Consumer<TransactionStatus> listener;
  private final Consumer<TransactionWatcher> unregister;
  private volatile boolean closed;

  TransactionWatcher(
      Hash256 hash, Consumer<TransactionStatus> listener, Consumer<TransactionWatcher> unregister) {
    this.hash = hash;
    this.listener = listener;
    this.unregister = unregister;
  }

  /** The watched transaction's hash. */
  public Hash256 hash() {
    return hash;
  }

  /** Stops the events (an RPC unsubscribe); events not yet delivered are dropped. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      unregister.accept(this);
    }
  }

  /** Stops delivery without unregistering (the registry already forgot this watcher). */
  void cancel() {
    closed = true;
  }

  void deliver(TransactionStatus status) {
    if (!closed) {
      listener.accept(status);
    }
  }

  @Override
  public String toString() {
    return "TransactionWatcher(" + hash + (closed ? ", closed)" : ")");
  }
}
