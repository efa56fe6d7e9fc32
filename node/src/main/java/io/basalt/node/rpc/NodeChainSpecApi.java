/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import io.basalt.chainspec.ChainSpec;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.rpc.api.ChainSpecApi;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code chainSpec_v1_*} from the chain spec the node runs and its genesis block. */
public final class NodeChainSpecApi implements ChainSpecApi {
  private final ChainSpec spec;
  private final Hash256 genesisHash;

  public NodeChainSpecApi(ChainSpec spec, Hash256 genesisHash) {
    this.spec = spec;
    this.genesisHash = genesisHash;
  }

  @Override
  public String chainName() {
    return spec.name();
  }

  @Override
  public Hash256 genesisHash() {
    return genesisHash;
  }

  @Override
  public Map<String, Object> properties() {
    return spec.properties().orElse(new LinkedHashMap<>());
  }
}
