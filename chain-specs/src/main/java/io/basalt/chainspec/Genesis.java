/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.chainspec;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.WellKnownKeys;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** The {@code genesis} section of a chain spec. */
public sealed interface Genesis {

  /**
   * Raw genesis storage: the top trie plus default child tries.
   *
   * @param top top-trie key/values, sorted
   * @param childrenDefault child tries by their unprefixed storage key
   */
  record Raw(NavigableMap<Bytes, Bytes> top, Map<Bytes, NavigableMap<Bytes, Bytes>> childrenDefault)
      implements Genesis {
    public Raw {
      top = Collections.unmodifiableNavigableMap(new TreeMap<>(top));
      TreeMap<Bytes, NavigableMap<Bytes, Bytes>> children = new TreeMap<>();
      childrenDefault.forEach(
          (k, v) -> children.put(k, Collections.unmodifiableNavigableMap(new TreeMap<>(v))));
      childrenDefault = Collections.unmodifiableMap(children);
    }

    /** The Wasm runtime under {@code :code}. */
    public Optional<Bytes> code() {
      return Optional.ofNullable(top.get(WellKnownKeys.CODE));
    }
  }

  /**
   * A plain spec: the runtime builds its own genesis state from JSON through its {@code
   * GenesisBuilder} API.
   *
   * @param code the Wasm runtime
   * @param patch a patch on the runtime's default config, as JSON text (exclusive with config)
   * @param config a full config, as JSON text (exclusive with patch)
   */
  record RuntimeGenesis(Bytes code, Optional<String> patch, Optional<String> config)
      implements Genesis {}

  /**
   * Only the genesis state root is known (light-client specs); the state cannot be built.
   *
   * @param stateRoot the root of the genesis state
   */
  record StateRootHash(Hash256 stateRoot) implements Genesis {}

  /**
   * The pre-2023 plain form: a native {@code GenesisConfig} as JSON, meaningful only to the node
   * binary it was written for.
   *
   * @param json the config as JSON text
   */
  record LegacyRuntime(String json) implements Genesis {}
}
