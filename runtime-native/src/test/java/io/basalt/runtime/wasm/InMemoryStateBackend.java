/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.wasm;

import io.basalt.executor.state.StateBackend;
import io.basalt.executor.state.StorageChange;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import io.basalt.storage.trie.TrieRoot;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A top trie held as a sorted map, roots from the storage module's {@link TrieRoot}. basalt-demo
 * has no child tries, so child storage is always empty.
 */
final class InMemoryStateBackend implements StateBackend {
  private final NavigableMap<Bytes, Bytes> entries;

  /** A backend reading {@code entries} (not copied: do not change them during a call). */
  InMemoryStateBackend(NavigableMap<Bytes, Bytes> entries) {
    this.entries = entries;
  }

  @Override
  public Optional<Bytes> get(Bytes key) {
    return Optional.ofNullable(entries.get(key));
  }

  @Override
  public Optional<Bytes> nextKey(Bytes key) {
    return Optional.ofNullable(entries.higherKey(key));
  }

  @Override
  public Optional<Bytes> childGet(Bytes childKey, Bytes key) {
    return Optional.empty();
  }

  @Override
  public Optional<Bytes> childNextKey(Bytes childKey, Bytes key) {
    return Optional.empty();
  }

  @Override
  public Hash256 root(List<StorageChange> delta, StateVersion version) {
    TreeMap<Bytes, Bytes> after = new TreeMap<>(entries);
    apply(after, delta);
    return TrieRoot.of(after, version);
  }

  @Override
  public Hash256 childRoot(Bytes childKey, List<StorageChange> delta, StateVersion version) {
    if (delta.stream().allMatch(c -> c.value().isEmpty())) {
      return EMPTY_TRIE_ROOT;
    }
    throw new UnsupportedOperationException("basalt-demo writes no child tries");
  }

  /** Applies changes (a missing value deletes the key). */
  static void apply(NavigableMap<Bytes, Bytes> map, List<StorageChange> changes) {
    for (StorageChange change : changes) {
      if (change.value().isPresent()) {
        map.put(change.key(), change.value().get());
      } else {
        map.remove(change.key());
      }
    }
  }
}
