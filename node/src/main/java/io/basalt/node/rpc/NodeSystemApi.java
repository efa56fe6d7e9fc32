/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import io.basalt.chainspec.ChainSpec;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.node.log.LogSetup;
import io.basalt.node.network.NetworkService;
import io.basalt.node.txpool.TransactionPool;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.PeerId;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Header;
import io.basalt.rpc.api.ChainType;
import io.basalt.rpc.api.Health;
import io.basalt.rpc.api.NodeRole;
import io.basalt.rpc.api.PeerInfo;
import io.basalt.rpc.api.SyncState;
import io.basalt.rpc.api.SystemApi;
import io.basalt.rpc.dispatch.RpcException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code system_*} as the node answers it. Peers, sync state, listen addresses and reserved peers
 * come from the {@link NetworkService}; a node without a network has no peers and is not syncing.
 */
public final class NodeSystemApi implements SystemApi {
  private final ChainSpec spec;
  private final String version;
  private final boolean authority;
  private final PeerId peerId;
  private final Blockchain chain;
  private final TransactionPool pool;
  private final RuntimeCalls calls;
  private final List<String> startupLogDirectives;
  private final long startingBlock;
  private final Set<String> reserved = ConcurrentHashMap.newKeySet();
  private final Optional<NetworkService> network;

  public NodeSystemApi(
      ChainSpec spec,
      String version,
      boolean authority,
      PeerId peerId,
      Blockchain chain,
      TransactionPool pool,
      RuntimeCalls calls,
      List<String> startupLogDirectives,
      Optional<NetworkService> network) {
    this.network = network;
    this.spec = spec;
    this.version = version;
    this.authority = authority;
    this.peerId = peerId;
    this.chain = chain;
    this.pool = pool;
    this.calls = calls;
    this.startupLogDirectives = List.copyOf(startupLogDirectives);
    this.startingBlock = chain.best().number();
  }

  @Override
  public String name() {
    return "Basalt Node";
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public String chain() {
    return spec.name();
  }

  @Override
  public ChainType chainType() {
    return switch (spec.chainType()) {
      case io.basalt.chainspec.ChainType.Known k ->
          switch (k.name()) {
            case "Development" -> ChainType.DEVELOPMENT;
            case "Local" -> ChainType.LOCAL;
            default -> ChainType.LIVE;
          };
      case io.basalt.chainspec.ChainType.Custom c -> ChainType.custom(c.name());
    };
  }

  @Override
  public Map<String, Object> properties() {
    return spec.properties().orElse(new LinkedHashMap<>());
  }

  @Override
  public Health health() {
    return new Health(
        network.map(n -> n.peers().size()).orElse(0),
        network.map(NetworkService::isMajorSyncing).orElse(false),
        !chainType().equals(ChainType.DEVELOPMENT));
  }

  @Override
  public String localPeerId() {
    return peerId.toBase58();
  }

  @Override
  public List<String> localListenAddresses() {
    return network.map(NetworkService::localListenAddresses).orElse(List.of());
  }

  @Override
  public List<PeerInfo> peers() {
    if (network.isEmpty()) {
      return List.of();
    }
    List<PeerInfo> peers = new ArrayList<>();
    network
        .get()
        .peers()
        .forEach(
            (peer, info) ->
                peers.add(
                    new PeerInfo(
                        peer.toBase58(),
                        roleName(info.roles()),
                        info.bestHash(),
                        info.bestNumber())));
    return peers;
  }

  /** Substrate's {@code system_peers} role text. */
  private static String roleName(io.basalt.network.announce.Roles roles) {
    if (roles.isAuthority()) {
      return "AUTHORITY";
    }
    return roles.isLight() ? "LIGHT" : "FULL";
  }

  @Override
  public Object networkState() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("peerId", peerId.toBase58());
    state.put("listenedAddresses", localListenAddresses());
    state.put("externalAddresses", List.of());
    Map<String, Object> connected = new LinkedHashMap<>();
    network.ifPresent(
        n ->
            n.peers()
                .forEach(
                    (peer, info) ->
                        connected.put(
                            peer.toBase58(),
                            Map.of(
                                "bestHash", info.bestHash().toString(),
                                "bestNumber", info.bestNumber(),
                                "roles", roleName(info.roles())))));
    state.put("connectedPeers", connected);
    state.put("notConnectedPeers", Map.of());
    state.put("peerset", Map.of("nodes", Map.of()));
    return state;
  }

  @Override
  public void addReservedPeer(String multiaddr) {
    int p2p = multiaddr.lastIndexOf("/p2p/");
    if (!multiaddr.startsWith("/") || p2p < 0 || p2p + 5 >= multiaddr.length()) {
      throw new RpcException(
          2002, "Peer id missing from the address", "expected .../p2p/<peer id>: " + multiaddr);
    }
    Multiaddr address;
    try {
      address = Multiaddr.parse(multiaddr);
    } catch (IllegalArgumentException e) {
      throw new RpcException(2002, "Invalid multiaddr", e.getMessage());
    }
    network.ifPresent(n -> n.addReservedPeer(address));
    reserved.add(multiaddr.substring(p2p + 5));
  }

  @Override
  public void removeReservedPeer(String peerId) {
    PeerId peer;
    try {
      peer = PeerId.fromBase58(peerId);
    } catch (IllegalArgumentException e) {
      throw new RpcException(2002, "Invalid peer id", e.getMessage());
    }
    network.ifPresent(n -> n.peerSet().removeReserved(peer));
    reserved.remove(peerId);
  }

  @Override
  public List<String> reservedPeers() {
    return new ArrayList<>(reserved);
  }

  @Override
  public List<NodeRole> nodeRoles() {
    return List.of(authority ? NodeRole.AUTHORITY : NodeRole.FULL);
  }

  @Override
  public SyncState syncState() {
    long best = chain.best().number();
    long highest =
        network
            .flatMap(
                n -> {
                  java.util.OptionalLong target = n.syncTarget();
                  return target.isPresent() ? Optional.of(target.getAsLong()) : Optional.empty();
                })
            .orElse(best);
    return new SyncState(startingBlock, best, Math.max(best, highest));
  }

  @Override
  public void addLogFilter(String directives) {
    List<String> all = new ArrayList<>(startupLogDirectives);
    all.addAll(Arrays.asList(directives.split(",")));
    try {
      all.forEach(LogSetup::check);
    } catch (RuntimeException e) {
      throw new RpcException(-32603, e.getMessage(), null);
    }
    LogSetup.apply(all);
  }

  @Override
  public void resetLogFilter() {
    LogSetup.apply(startupLogDirectives);
  }

  @Override
  public long accountNextIndex(Bytes accountId) {
    Header best = chain.requireHeader(chain.best().hash());
    Bytes encodedNonce;
    try {
      encodedNonce = calls.call(best, "AccountNonceApi_account_nonce", accountId);
    } catch (RuntimeTrapException | InvalidRuntimeCodeException e) {
      throw new RpcException(1, "Unable to query nonce.", e.getMessage());
    }
    int width = encodedNonce.length();
    if (width != 4 && width != 8) {
      throw new RpcException(1, "Unable to query nonce.", "the runtime answered " + encodedNonce);
    }
    ScaleReader r = new ScaleReader(encodedNonce.toArray());
    long nonce = width == 4 ? r.readU32AsLong() : r.readI64();
    // Substrate's adjust_nonce: step past the ready transactions providing (account, nonce).
    while (pool.readyProvides(tag(accountId, nonce, width))) {
      nonce++;
    }
    return nonce;
  }

  private static Bytes tag(Bytes accountId, long nonce, int width) {
    ScaleWriter w = new ScaleWriter(accountId.length() + width).writeRaw(accountId);
    return (width == 4 ? w.writeU32(nonce) : w.writeU64(nonce)).toBytes();
  }

  @Override
  public Bytes dryRun(Bytes extrinsic, Optional<Hash256> at) {
    Header header =
        chain
            .header(at.orElse(chain.best().hash()))
            .orElseThrow(
                () -> new RpcException(1, "Unable to dry run extrinsic.", "unknown block"));
    try {
      return calls.call(header, "BlockBuilder_apply_extrinsic", extrinsic);
    } catch (RuntimeTrapException | InvalidRuntimeCodeException e) {
      throw new RpcException(1, "Unable to dry run extrinsic.", e.getMessage());
    }
  }
}
