/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.transport;

import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.primitives.crypto.PeerId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** An upgraded connection to a peer: TCP or WebSocket, then Noise, then Yamux. */
public interface Connection {
  /** Whether we dialed or accepted the connection. */
  enum Direction {
    OUTBOUND,
    INBOUND
  }

  /** The peer, authenticated by the Noise handshake. */
  PeerId remotePeer();

  /** The peer's address as we see it (for inbound connections, its ephemeral port). */
  Multiaddr remoteAddress();

  Direction direction();

  /**
   * Opens a Yamux stream and negotiates the first of {@code protocols} the peer supports. Fails
   * with {@link ProtocolNotSupportedException} when it supports none.
   */
  CompletableFuture<Substream> openSubstream(List<String> protocols);

  /** Closes the connection and resets its streams. */
  void close();

  /** Completes when the connection is closed, by either side. */
  CompletableFuture<Void> closeFuture();

  /** Whether the connection is open. */
  boolean isOpen();
}
