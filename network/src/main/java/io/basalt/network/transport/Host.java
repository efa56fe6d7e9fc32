/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.transport;

import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.primitives.crypto.PeerId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The local libp2p endpoint: listens on TCP (and WebSocket) addresses, dials peers, upgrades every
 * connection with multistream-select, Noise XX and Yamux, and hands inbound streams to the handler
 * registered for their protocol. {@code ping} and {@code identify} are built in.
 *
 * <pre>{@code
 * try (Host host = NettyHost.start(config)) {
 *   host.handle("/ipfs/ping/1.0.0", stream -> ...);
 *   Connection connection = host.dial(Multiaddr.parse("/ip4/127.0.0.1/tcp/30333/p2p/12D3…")).join();
 *   Substream stream = connection.openSubstream(List.of("/x/1")).join();
 * }
 * }</pre>
 */
public interface Host extends AutoCloseable {
  /** Our peer id, from the node key. */
  PeerId localPeer();

  /** The addresses we listen on, with the ports actually bound (port 0 resolved). */
  List<Multiaddr> listenAddresses();

  /**
   * Dials an address. When it ends in {@code /p2p/<id>}, the Noise handshake must prove that peer
   * or the connection fails.
   */
  CompletableFuture<Connection> dial(Multiaddr address);

  /**
   * Accepts inbound streams for {@code protocol}: multistream-select answers with it, and the
   * negotiated stream goes to {@code handler} on the connection's event loop.
   */
  void handle(String protocol, Consumer<Substream> handler);

  /** Tells {@code listener} about every connection opened or closed from now on. */
  void addConnectionListener(ConnectionListener listener);

  /** The open connections. */
  List<Connection> connections();

  /** Stops listening and closes every connection. */
  @Override
  void close();
}
