/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.transport;

/** Receives a {@link ByteStream}'s events, on the connection's event loop; must not block. */
public interface StreamListener {
  /** Bytes from the peer, in order. */
  void onData(byte[] bytes);

  /** The peer closed its direction (FIN): no more data will come. */
  void onRemoteClosed();

  /** The stream was reset by either side, or its connection was lost. */
  void onReset();
}
