/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.network;

import io.basalt.network.host.NettyHost;
import io.basalt.network.kad.KadMessage;
import io.basalt.network.light.LightRequest;
import io.basalt.network.protocol.ProtocolNames;
import io.basalt.network.request.InboundRequest;
import io.basalt.network.request.RequestResponseConfig;
import io.basalt.network.request.RequestResponseProtocol;
import io.basalt.network.sync.StateRequest;
import io.basalt.network.warp.WarpProofRequest;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.primitives.crypto.PeerId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The request-response protocols that light clients (smoldot) and state/warp syncing peers use,
 * registered on the host: {@code /state/2} ({@link StateRequestServer}), {@code /sync/warp} ({@link
 * WarpProofServer}), {@code /kad} ({@link KademliaServer}) at once, and {@code /light/2} ({@link
 * LightRequestServer}) once the runtime calls are known.
 */
final class LightServers {
  /** Substrate's light request limits: 1 MiB requests, 16 MiB responses, 15 s. */
  private static final int MAX_LIGHT_REQUEST = 1024 * 1024;

  private static final int MAX_LIGHT_RESPONSE = 16 * 1024 * 1024;

  /** Substrate's state request limits: 1 MiB requests, 16 MiB responses. */
  private static final int MAX_STATE_REQUEST = 1024 * 1024;

  private static final int MAX_STATE_RESPONSE = 16 * 1024 * 1024;

  /** A warp request is a 32-byte hash; the response up to 16 MiB (the proof stops at 8). */
  private static final int MAX_WARP_REQUEST = 32;

  private static final int MAX_WARP_RESPONSE = 16 * 1024 * 1024;

  /** Kademlia messages: Substrate's {@code max_packet_size} of 8 MiB is far more than needed. */
  private static final int MAX_KAD_MESSAGE = 1024 * 1024;

  private final NettyHost host;
  private final ProtocolNames names;
  private final Blockchain chain;
  private final BiFunction<InboundRequest, Function<byte[], byte[]>, CompletableFuture<byte[]>>
      serve;
  private final ScheduledExecutorService timer;
  private final KademliaServer kademlia;

  /**
   * Registers the state, warp and Kademlia servers.
   *
   * @param serve runs a server on the network's server pool, charging peers for undecodable bytes
   */
  LightServers(
      NettyHost host,
      ProtocolNames names,
      Blockchain chain,
      BiFunction<InboundRequest, Function<byte[], byte[]>, CompletableFuture<byte[]>> serve,
      ScheduledExecutorService timer) {
    this.host = host;
    this.names = names;
    this.chain = chain;
    this.serve = serve;
    this.timer = timer;
    this.kademlia = new KademliaServer(host.localPeer());
    host.addConnectionListener(kademlia);
    StateRequestServer state = new StateRequestServer(chain);
    register(
        names.state(),
        MAX_STATE_REQUEST,
        MAX_STATE_RESPONSE,
        Duration.ofSeconds(40),
        (peer, bytes) -> state.serve(StateRequest.decode(bytes)).encode());
    WarpProofServer warp = new WarpProofServer(chain);
    register(
        names.warp(),
        MAX_WARP_REQUEST,
        MAX_WARP_RESPONSE,
        Duration.ofSeconds(60),
        (peer, bytes) -> warp.serve(WarpProofRequest.decode(bytes)).encode());
    register(
        names.kademlia(),
        MAX_KAD_MESSAGE,
        MAX_KAD_MESSAGE,
        Duration.ofSeconds(10),
        (peer, bytes) -> kademlia.serve(peer, KadMessage.decode(bytes)).encode());
  }

  /** Registers {@code /light/2}. */
  void serveLight(RuntimeCalls calls) {
    LightRequestServer light = new LightRequestServer(chain, calls);
    register(
        names.light(),
        MAX_LIGHT_REQUEST,
        MAX_LIGHT_RESPONSE,
        Duration.ofSeconds(15),
        (peer, bytes) -> light.serve(LightRequest.decode(bytes)).encode());
  }

  /** The Kademlia routing table's server (tests). */
  KademliaServer kademlia() {
    return kademlia;
  }

  private void register(
      List<String> protocolNames,
      int maxRequest,
      int maxResponse,
      Duration timeout,
      BiFunction<PeerId, byte[], byte[]> server) {
    new RequestResponseProtocol(
            new RequestResponseConfig(protocolNames, maxRequest, maxResponse, timeout, 2),
            request -> serve.apply(request, bytes -> server.apply(request.peer(), bytes)),
            timer)
        .register(host);
  }
}
