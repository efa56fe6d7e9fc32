/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.wasm;

import io.basalt.executor.host.OffchainStorage;
import io.basalt.primitives.types.Bytes;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Offchain local storage in memory, one map per kind. */
final class MapOffchainStorage implements OffchainStorage {
  private final Map<Kind, Map<Bytes, Bytes>> values = new HashMap<>();

  private Map<Bytes, Bytes> of(Kind kind) {
    return values.computeIfAbsent(kind, k -> new HashMap<>());
  }

  @Override
  public void set(Kind kind, Bytes key, Bytes value) {
    of(kind).put(key, value);
  }

  @Override
  public void clear(Kind kind, Bytes key) {
    of(kind).remove(key);
  }

  @Override
  public Optional<Bytes> get(Kind kind, Bytes key) {
    return Optional.ofNullable(of(kind).get(key));
  }

  @Override
  public boolean compareAndSet(Kind kind, Bytes key, Optional<Bytes> expected, Bytes newValue) {
    if (!Objects.equals(expected.orElse(null), of(kind).get(key))) {
      return false;
    }
    of(kind).put(key, newValue);
    return true;
  }
}
