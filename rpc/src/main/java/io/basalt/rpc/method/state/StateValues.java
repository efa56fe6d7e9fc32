/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.hash.Hashing;
import io.basalt.rpc.api.StorageView;
import io.basalt.rpc.dispatch.ParamType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the state and child-state methods compute the same way from storage reads. */
final class StateValues {
  /** A JSON list of hex storage keys ({@code Vec<StorageKey>}). */
  static final ParamType<List<Bytes>> KEYS =
      new ParamType<>("a list of hex storage keys", StateValues::keys);

  private StateValues() {}

  /** A value's hash as {@code state_getStorageHash} gives it: BLAKE2b-256 of the value. */
  static Hash256 hash(Bytes value) {
    return Hashing.blake2b256Hash(value.unsafeArray());
  }

  /**
   * {@code state_getStorageSize}: the value's length; if the key has no value, the summed length of
   * the values under it as a prefix, or empty if that is 0.
   */
  static Optional<Long> sizeOfValueOrPrefix(StorageView view, Bytes key) {
    Optional<Bytes> value = view.get(key);
    if (value.isPresent()) {
      return Optional.of((long) value.get().length());
    }
    long sum = view.entries(key).mapToLong(e -> e.value().length()).sum();
    return sum > 0 ? Optional.of(sum) : Optional.empty();
  }

  /**
   * The keys whose value in {@code view} differs from {@code previous} (every key not in it yet),
   * with their values; {@code previous} is updated.
   */
  static List<StorageChangeSet.Change> changed(
      StorageView view, List<Bytes> keys, Map<Bytes, Optional<Bytes>> previous) {
    List<StorageChangeSet.Change> changes = new ArrayList<>();
    for (Bytes key : keys) {
      Optional<Bytes> value = view.get(key);
      Optional<Bytes> before = previous.put(key, value);
      if (before == null || !before.equals(value)) {
        changes.add(new StorageChangeSet.Change(key, value));
      }
    }
    return changes;
  }

  private static Optional<List<Bytes>> keys(JsonNode node) {
    if (!node.isArray()) {
      return Optional.empty();
    }
    List<Bytes> keys = new ArrayList<>(node.size());
    for (JsonNode element : node) {
      Optional<Bytes> key = ParamType.BYTES.parse(element);
      if (key.isEmpty()) {
        return Optional.empty();
      }
      keys.add(key.get());
    }
    return Optional.of(keys);
  }
}
