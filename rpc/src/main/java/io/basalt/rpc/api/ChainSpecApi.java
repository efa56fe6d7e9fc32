/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import io.basalt.primitives.bytes.Hash256;
import java.util.Map;

/**
 * What the {@code chainSpec_v1_*} methods ask the node: fixed facts of the chain spec that never
 * change while it runs (json-rpc-interface-spec {@code chainSpec}).
 */
public interface ChainSpecApi {
  /** The chain spec's human-readable {@code name}. */
  String chainName();

  /** The hash of the genesis block. */
  Hash256 genesisHash();

  /**
   * The chain spec's {@code properties}; an empty map when it has none.
   *
   * @return JSON-writable values (strings, numbers, booleans, lists, maps)
   */
  Map<String, Object> properties();
}
