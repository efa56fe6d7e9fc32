/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the {@code system_*} methods ask the node (sc-rpc's {@code System} and
 * substrate-frame-rpc-system). Implemented by the node; tests use fakes. Methods may block; they
 * run on the RPC worker pool. Expected failures are {@link io.basalt.rpc.dispatch.RpcException}s
 * with Substrate's codes (see each method).
 */
public interface SystemApi {
  /** The implementation name ({@code system_name}), e.g. {@code "Basalt"}. */
  String name();

  /** The implementation version ({@code system_version}), e.g. {@code "0.1.0-abc1234"}. */
  String version();

  /** The chain spec's name ({@code system_chain}). */
  String chain();

  /** The chain spec's chain type ({@code system_chainType}). */
  ChainType chainType();

  /**
   * The chain spec's properties ({@code system_properties}); an empty map when it has none.
   *
   * @return JSON-writable values (strings, numbers, booleans, lists, maps)
   */
  Map<String, Object> properties();

  /** Peers, sync status and whether peers are expected ({@code system_health}). */
  Health health();

  /** The base58 libp2p peer id ({@code system_localPeerId}). */
  String localPeerId();

  /** The multiaddresses listened on, with {@code /p2p/<peer id>} ({@code …ListenAddresses}). */
  List<String> localListenAddresses();

  /** Connected peers ({@code system_peers}, unsafe). */
  List<PeerInfo> peers();

  /** The network state as a JSON-writable value ({@code system_unstable_networkState}, unsafe). */
  Object networkState();

  /**
   * Adds a reserved peer ({@code system_addReservedPeer}, unsafe).
   *
   * @throws io.basalt.rpc.dispatch.RpcException code 2002 with the parse error for a malformed
   *     multiaddress (Substrate's {@code MalformattedPeerArg})
   */
  void addReservedPeer(String multiaddr);

  /**
   * Removes a reserved peer by peer id ({@code system_removeReservedPeer}, unsafe).
   *
   * @throws io.basalt.rpc.dispatch.RpcException code 2002 for a malformed peer id
   */
  void removeReservedPeer(String peerId);

  /** The reserved peers' ids ({@code system_reservedPeers}). */
  List<String> reservedPeers();

  /** The roles the node runs as ({@code system_nodeRoles}): Full or Authority. */
  List<NodeRole> nodeRoles();

  /** Starting, current and highest block ({@code system_syncState}). */
  SyncState syncState();

  /**
   * Adds log directives such as {@code "rpc=debug,state=trace"} ({@code system_addLogFilter},
   * unsafe).
   *
   * @throws io.basalt.rpc.dispatch.RpcException {@code -32603} with the reason if they cannot be
   *     applied
   */
  void addLogFilter(String directives);

  /** Resets the log filter to the node's start-up one ({@code system_resetLogFilter}, unsafe). */
  void resetLogFilter();

  /**
   * The next nonce of an account: its state nonce at the best block, advanced past the ready
   * transactions of the pool that follow it ({@code system_accountNextIndex}).
   *
   * @param accountId the 32-byte account id
   * @throws io.basalt.rpc.dispatch.RpcException code 1, {@code "Unable to query nonce."}, with the
   *     runtime's error as data
   */
  long accountNextIndex(Bytes accountId);

  /**
   * Applies an extrinsic on top of a block without committing anything and returns the SCALE {@code
   * ApplyExtrinsicResult} ({@code system_dryRun}, unsafe).
   *
   * @param at the block; the best block when empty
   * @throws io.basalt.rpc.dispatch.RpcException code 2, {@code "Unable to dry run extrinsic"} if
   *     the extrinsic does not decode; code 1, {@code "Unable to dry run extrinsic."} if the
   *     runtime call fails; both with the reason as data
   */
  Bytes dryRun(Bytes extrinsic, Optional<Hash256> at);
}
