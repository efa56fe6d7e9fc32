/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.golden;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.rpc.api.ChainType;
import io.basalt.rpc.api.Health;
import io.basalt.rpc.api.NodeRole;
import io.basalt.rpc.api.PeerInfo;
import io.basalt.rpc.api.SyncState;
import io.basalt.rpc.api.SystemApi;
import io.basalt.rpc.dispatch.RpcException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dev node without networking, as the golden files expect: Alice's next index is 3 (state nonce 1
 * plus two ready transactions), every other account's 0; dry runs echo a successful {@code
 * ApplyExtrinsicResult} ({@code 0x0000}) unless the extrinsic is empty.
 */
public final class FakeSystemApi implements SystemApi {
  public static final Bytes ALICE =
      Bytes.fromHex("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");

  final List<String> logDirectives = new ArrayList<>();

  @Override
  public String name() {
    return "Basalt";
  }

  @Override
  public String version() {
    return "0.1.0-golden";
  }

  @Override
  public String chain() {
    return "Development";
  }

  @Override
  public ChainType chainType() {
    return ChainType.DEVELOPMENT;
  }

  @Override
  public Map<String, Object> properties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("ss58Format", 42);
    properties.put("tokenDecimals", 12);
    properties.put("tokenSymbol", "UNIT");
    return properties;
  }

  @Override
  public Health health() {
    return new Health(0, false, false);
  }

  @Override
  public String localPeerId() {
    return "12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp";
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
    state.put("peerId", localPeerId());
    state.put("listenedAddresses", List.of());
    state.put("externalAddresses", List.of());
    state.put("connectedPeers", Map.of());
    state.put("notConnectedPeers", Map.of());
    return state;
  }

  @Override
  public void addReservedPeer(String multiaddr) {
    if (!multiaddr.startsWith("/")) {
      throw new RpcException(2002, "invalid multiaddr: " + multiaddr, null);
    }
    throw new RpcException(2002, "no networking in this node: " + multiaddr, null);
  }

  @Override
  public void removeReservedPeer(String peerId) {
    throw new RpcException(2002, "no networking in this node: " + peerId, null);
  }

  @Override
  public List<String> reservedPeers() {
    return List.of();
  }

  @Override
  public List<NodeRole> nodeRoles() {
    return List.of(NodeRole.AUTHORITY);
  }

  @Override
  public SyncState syncState() {
    return new SyncState(0, 5, 5);
  }

  @Override
  public void addLogFilter(String directives) {
    logDirectives.add(directives);
  }

  @Override
  public void resetLogFilter() {
    logDirectives.clear();
  }

  @Override
  public long accountNextIndex(Bytes accountId) {
    return accountId.equals(ALICE) ? 3 : 0;
  }

  @Override
  public Bytes dryRun(Bytes extrinsic, Optional<Hash256> at) {
    if (extrinsic.isEmpty()) {
      throw new RpcException(2, "Unable to dry run extrinsic", "Not enough data to fill buffer");
    }
    return Bytes.fromHex("0x0000");
  }
}
