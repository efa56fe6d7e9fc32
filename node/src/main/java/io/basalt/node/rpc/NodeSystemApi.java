/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import io.basalt.chainspec.ChainSpec;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.node.log.LogSetup;
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
 * {@code system_*} as the node answers it. Basalt has no networking yet, so the answers about peers
 * are the honest ones: no peers, not syncing, no listen addresses; the peer id is the node key's.
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

  public NodeSystemApi(
      ChainSpec spec,
      String version,
      boolean authority,
      PeerId peerId,
      Blockchain chain,
      TransactionPool pool,
      RuntimeCalls calls,
      List<String> startupLogDirectives) {
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
    return new Health(0, false, !chainType().equals(ChainType.DEVELOPMENT));
  }

  @Override
  public String localPeerId() {
    return peerId.toBase58();
  }

  @Override
  public List<String> localListenAddresses() {
    return List.of();
  }

  @Override
  public List<PeerInfo> peers() {
    return List.of();
  }

  @Override
  public Object networkState() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("peerId", peerId.toBase58());
    state.put("listenedAddresses", List.of());
    state.put("externalAddresses", List.of());
    state.put("connectedPeers", Map.of());
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
    reserved.add(multiaddr.substring(p2p + 5));
  }

  @Override
  public void removeReservedPeer(String peerId) {
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
    return new SyncState(startingBlock, best, best);
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
