/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.state;

import io.basalt.primitives.types.Bytes;
import io.basalt.primitives.types.Hash256;
import io.basalt.primitives.types.StateVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Test-only {@link StateBackend} over TreeMaps, with roots from {@link ReferenceTrie}. */
public final class InMemoryStateBackend implements StateBackend {
  private final TreeMap<Bytes, Bytes> top;
  private final TreeMap<Bytes, TreeMap<Bytes, Bytes>> children;

  public InMemoryStateBackend(
      Map<Bytes, Bytes> top, Map<Bytes, ? extends Map<Bytes, Bytes>> children) {
    this.top = new TreeMap<>(top);
    this.children = new TreeMap<>();
    children.forEach((k, v) -> this.children.put(k, new TreeMap<>(v)));
  }

  public InMemoryStateBackend(Map<Bytes, Bytes> top) {
    this(top, Map.of());
  }

  @Override
  public Optional<Bytes> get(Bytes key) {
    return Optional.ofNullable(top.get(key));
  }

  @Override
  public Optional<Bytes> nextKey(Bytes key) {
    return Optional.ofNullable(top.higherKey(key));
  }

  @Override
  public Optional<Bytes> childGet(Bytes childKey, Bytes key) {
    TreeMap<Bytes, Bytes> child = children.get(childKey);
    return child == null ? Optional.empty() : Optional.ofNullable(child.get(key));
  }

  @Override
  public Optional<Bytes> childNextKey(Bytes childKey, Bytes key) {
    TreeMap<Bytes, Bytes> child = children.get(childKey);
    return child == null ? Optional.empty() : Optional.ofNullable(child.higherKey(key));
  }

  @Override
  public Hash256 root(List<StorageChange> delta, StateVersion version) {
    return ReferenceTrie.root(apply(top, delta), version);
  }

  @Override
  public Hash256 childRoot(Bytes childKey, List<StorageChange> delta, StateVersion version) {
    return ReferenceTrie.root(
        apply(children.getOrDefault(childKey, new TreeMap<>()), delta), version);
  }

  private static java.util.NavigableMap<Bytes, Bytes> apply(
      java.util.NavigableMap<Bytes, Bytes> base, List<StorageChange> delta) {
    TreeMap<Bytes, Bytes> copy = new TreeMap<>(base);
    for (StorageChange c : delta) {
      if (c.value().isPresent()) {
        copy.put(c.key(), c.value().get());
      } else {
        copy.remove(c.key());
      }
    }
    return copy;
  }
}
