/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.subscription;

/**
 * Where a subscription handler sends its notifications. Thread-safe: producers call it from any
 * thread. A sink is closed by an unsubscribe call, by the socket closing, by {@link #close()}, or
 * by the server when the client does not keep up (see {@link SubscriptionManager}); the handler
 * learns of it through {@link #onClose(Runnable)} and by {@link #send} returning false.
 */
public interface SubscriptionSink {
  /** The subscription id the client was given. */
  String id();

  /**
   * Queues {@code {"jsonrpc":"2.0","method":<notification>,"params":{"subscription":<id>,
   * "result":<result>}}}.
   *
   * @param result any value the RPC mapper can write
   * @return false if the subscription is closed (the producer should stop), including when this
   *     notification overflowed its buffer and the subscription was dropped
   */
  boolean send(Object result);

  /**
   * Like {@link #send}, but when the subscription's buffer is full it waits for the client to read
   * instead of overflowing: for producers that must not lose a notification and can be paced (a
   * storage iteration). Must not be called on an event loop.
   *
   * @return false if the subscription is closed (or the thread was interrupted while waiting)
   */
  boolean sendWhenRoom(Object result);

  /**
   * Ends the subscription after the notifications already queued, with a last notification carrying
   * {@code "error": {"code", "message", "data"?}} instead of a result (jsonrpsee's subscription
   * error).
   *
   * @param data optional error data, or null
   */
  void closeWithError(int code, String message, Object data);

  /** Ends the subscription after the notifications already queued, with no further message. */
  void close();

  /** Whether the subscription has ended (or is ending). */
  boolean isClosed();

  /**
   * Runs {@code action} once when the subscription ends for any reason; at once if it already has.
   * Handlers release what feeds the sink here.
   */
  void onClose(Runnable action);
}
