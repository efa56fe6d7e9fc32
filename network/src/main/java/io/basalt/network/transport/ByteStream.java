/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.transport;

import java.util.concurrent.CompletableFuture;

/**
 * A reliable, ordered, bidirectional byte stream inside a connection: a Yamux stream before or
 * after its protocol is negotiated. Thread-safe; bytes arrive on the connection's event loop.
 */
public interface ByteStream {
  /**
   * Queues bytes for the peer. The future completes once they were handed to the connection, and
   * fails if the stream was reset or the connection closed; Yamux's send window delays it.
   */
  CompletableFuture<Void> write(byte[] bytes);

  /** Closes our direction (Yamux FIN); the peer's direction stays readable. */
  void closeWrite();

  /** Abandons the stream in both directions (Yamux RST). */
  void reset();

  /**
   * Sets who receives the stream's events. Bytes that arrived before are delivered to it at once,
   * in order, followed by a close or reset that already happened.
   */
  void setListener(StreamListener listener);

  /** Whether neither side reset the stream and the connection is up. */
  boolean isOpen();
}
