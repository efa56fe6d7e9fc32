/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.golden;

import io.basalt.primitives.bytes.Hash256;
import io.basalt.rpc.api.ChainSpecApi;
import java.util.LinkedHashMap;
import java.util.Map;

/** The dev chain's spec facts: name, the fake chain's genesis, and its token properties. */
public final class FakeChainSpecApi implements ChainSpecApi {
  @Override
  public String chainName() {
    return "Development";
  }

  @Override
  public Hash256 genesisHash() {
    return FakeBlocks.hash("genesis");
  }

  @Override
  public Map<String, Object> properties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("ss58Format", 42);
    properties.put("tokenDecimals", 12);
    properties.put("tokenSymbol", "UNIT");
    return properties;
  }
}
