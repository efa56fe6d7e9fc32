/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.config;

import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.primitives.bytes.Bytes;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The peer-to-peer network (sc-cli's {@code NetworkParams} and {@code NodeKeyParams}).
 *
 * @param enabled whether the node joins the network at all (tests and subcommands run without)
 * @param nodeKey where the node's ed25519 identity comes from
 * @param listenAddresses where to listen ({@code --listen-addr}, else {@code --port} on every
 *     interface)
 * @param publicAddresses addresses to tell peers ({@code --public-addr})
 * @param bootnodes {@code --bootnodes}; the chain spec's boot nodes are added at start
 * @param reservedNodes peers always kept connected ({@code --reserved-nodes})
 * @param reservedOnly whether only reserved peers may connect ({@code --reserved-only})
 * @param inPeers inbound full-node slots ({@code --in-peers}, 32)
 * @param outPeers outbound slots ({@code --out-peers}, 8)
 * @param allowPrivateIp {@code --allow-private-ip} (true) or {@code --no-private-ip} (false);
 *     empty: by the chain type, allowed on Local and Development chains only
 * @param sync how a fresh node catches up ({@code --sync})
 * @param maxParallelDownloads peers asked for the same blocks at once ({@code
 *     --max-parallel-downloads}, 5)
 * @param maxBlocksPerRequest blocks asked per request ({@code --max-blocks-per-request}, 64)
 */
public record NetworkConfig(
    boolean enabled,
    NodeKey nodeKey,
    List<Multiaddr> listenAddresses,
    List<Multiaddr> publicAddresses,
    List<Multiaddr> bootnodes,
    List<Multiaddr> reservedNodes,
    boolean reservedOnly,
    int inPeers,
    int outPeers,
    Optional<Boolean> allowPrivateIp,
    SyncMode sync,
    int maxParallelDownloads,
    int maxBlocksPerRequest) {
  /** Substrate's default p2p port. */
  public static final int DEFAULT_PORT = 30333;

  public static final int DEFAULT_IN_PEERS = 32;
  public static final int DEFAULT_OUT_PEERS = 8;
  public static final int DEFAULT_MAX_PARALLEL_DOWNLOADS = 5;
  public static final int DEFAULT_MAX_BLOCKS_PER_REQUEST = 64;

  public NetworkConfig {
    listenAddresses = List.copyOf(listenAddresses);
    publicAddresses = List.copyOf(publicAddresses);
    bootnodes = List.copyOf(bootnodes);
    reservedNodes = List.copyOf(reservedNodes);
  }

  /** Where the node key comes from. */
  public sealed interface NodeKey {
    /** {@code --node-key HEX}: used as given, stored nowhere. */
    record Secret(Bytes seed) implements NodeKey {
      @Override
      public String toString() {
        return "Secret[hidden]";
      }
    }

    /** {@code --node-key-file FILE}: read from there, made there when missing. */
    record File(Path path) implements NodeKey {}

    /** The default: {@code <base>/chains/<id>/network/secret_ed25519}, made when missing. */
    record Default() implements NodeKey {}
  }

  /** {@code --sync}: how a fresh node catches up (warp sync is not built yet). */
  public enum SyncMode {
    /** Download and execute every block. */
    FULL
  }

  /** No network: the node runs alone (tests, subcommands). */
  public static NetworkConfig disabled() {
    return new NetworkConfig(
        false,
        new NodeKey.Default(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        false,
        DEFAULT_IN_PEERS,
        DEFAULT_OUT_PEERS,
        Optional.empty(),
        SyncMode.FULL,
        DEFAULT_MAX_PARALLEL_DOWNLOADS,
        DEFAULT_MAX_BLOCKS_PER_REQUEST);
  }

  /** The default listen addresses for {@code port}: every IPv6 and IPv4 interface, as Substrate. */
  public static List<Multiaddr> defaultListenAddresses(int port) {
    return List.of(
        Multiaddr.parse("/ip6/::/tcp/" + port), Multiaddr.parse("/ip4/0.0.0.0/tcp/" + port));
  }
}
