/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.system;

import static io.basalt.rpc.dispatch.Safety.SAFE;
import static io.basalt.rpc.dispatch.Safety.UNSAFE;

import io.basalt.rpc.api.SystemApi;
import io.basalt.rpc.dispatch.MethodGroup;
import io.basalt.rpc.dispatch.MethodRegistry;
import io.basalt.rpc.dispatch.ParamType;
import io.basalt.rpc.dispatch.Params;

/**
 * The {@code system_*} methods: sc-rpc-api's {@code SystemApi} and substrate-frame-rpc-system's
 * {@code accountNextIndex} and {@code dryRun}. Unsafe, as in sc-rpc: {@code peers}, {@code
 * unstable_networkState}, {@code addReservedPeer}, {@code removeReservedPeer}, {@code
 * addLogFilter}, {@code resetLogFilter}, {@code dryRun}. Methods returning {@code ()} in Substrate
 * answer {@code null}.
 */
public final class SystemMethods implements MethodGroup {
  private final SystemApi system;

  public SystemMethods(SystemApi system) {
    this.system = system;
  }

  @Override
  public void register(MethodRegistry methods) {
    methods.call("system_name", SAFE, params -> system.name());
    methods.call("system_version", SAFE, params -> system.version());
    methods.call("system_chain", SAFE, params -> system.chain());
    methods.call("system_chainType", SAFE, params -> system.chainType());
    methods.call("system_properties", SAFE, params -> system.properties());
    methods.call("system_health", SAFE, params -> system.health());
    methods.call("system_localPeerId", SAFE, params -> system.localPeerId());
    methods.call("system_localListenAddresses", SAFE, params -> system.localListenAddresses());
    methods.call("system_peers", UNSAFE, params -> system.peers());
    methods.call("system_unstable_networkState", UNSAFE, params -> system.networkState());
    methods.call("system_addReservedPeer", UNSAFE, this::addReservedPeer);
    methods.call("system_removeReservedPeer", UNSAFE, this::removeReservedPeer);
    methods.call("system_reservedPeers", SAFE, params -> system.reservedPeers());
    methods.call("system_nodeRoles", SAFE, params -> system.nodeRoles());
    methods.call("system_syncState", SAFE, params -> system.syncState());
    methods.call("system_addLogFilter", UNSAFE, this::addLogFilter);
    methods.call("system_resetLogFilter", UNSAFE, this::resetLogFilter);
    methods.call("system_accountNextIndex", SAFE, this::accountNextIndex, "account_nextIndex");
    methods.call("system_dryRun", UNSAFE, this::dryRun, "system_dryRunAt");
  }

  private Object addReservedPeer(Params params) {
    system.addReservedPeer(params.required(0, "peer", ParamType.STRING));
    return null;
  }

  private Object removeReservedPeer(Params params) {
    system.removeReservedPeer(params.required(0, "peerId", ParamType.STRING));
    return null;
  }

  private Object addLogFilter(Params params) {
    system.addLogFilter(params.required(0, "directives", ParamType.STRING));
    return null;
  }

  private Object resetLogFilter(Params params) {
    system.resetLogFilter();
    return null;
  }

  private Object accountNextIndex(Params params) {
    return system.accountNextIndex(params.required(0, "account", ParamType.SS58_ACCOUNT));
  }

  private Object dryRun(Params params) {
    return system.dryRun(
        params.required(0, "extrinsic", ParamType.BYTES), params.optional(1, "at", ParamType.HASH));
  }
}
