/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A block's runtime as {@code chainHead_v1_follow} reports it ({@code finalizedBlockRuntime},
 * {@code newRuntime}): its specification, or why the node considers it invalid.
 */
public sealed interface RuntimeDescription {

  /**
   * A usable runtime.
   *
   * @param apis the runtime APIs by {@code 0x}-prefixed 8-byte id (blake2b-64 of the API name),
   *     with their versions, in the runtime's order
   */
  record Valid(
      String specName,
      String implName,
      long specVersion,
      long implVersion,
      long transactionVersion,
      Map<String, Long> apis)
      implements RuntimeDescription {
    public Valid {
      apis = Collections.unmodifiableMap(new LinkedHashMap<>(apis));
    }
  }

  /**
   * A runtime the node cannot use.
   *
   * @param error why, for developers
   */
  record Invalid(String error) implements RuntimeDescription {}
}
