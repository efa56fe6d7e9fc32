/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.chainspec;

import static io.basalt.rpc.dispatch.Safety.SAFE;

import io.basalt.rpc.api.ChainSpecApi;
import io.basalt.rpc.dispatch.MethodGroup;
import io.basalt.rpc.dispatch.MethodRegistry;

/**
 * The {@code chainSpec_v1_*} methods: the chain's name, genesis hash and properties, which never
 * change while the node runs (json-rpc-interface-spec {@code chainSpec}, sc-rpc-spec-v2's {@code
 * ChainSpec}).
 */
public final class ChainSpecMethods implements MethodGroup {
  private final ChainSpecApi spec;

  public ChainSpecMethods(ChainSpecApi spec) {
    this.spec = spec;
  }

  @Override
  public void register(MethodRegistry methods) {
    methods.call("chainSpec_v1_chainName", SAFE, params -> spec.chainName());
    methods.call("chainSpec_v1_genesisHash", SAFE, params -> spec.genesisHash());
    methods.call("chainSpec_v1_properties", SAFE, params -> spec.properties());
  }
}
