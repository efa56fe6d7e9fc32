/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.state;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.StateVersion;
import java.util.Map;
import java.util.TreeMap;

/** Test states in memory, on the real trie ({@link TrieStateBackend#inMemory}). */
public final class TestBackends {
  private TestBackends() {}

  /** A state holding exactly these top-trie entries. */
  public static TrieStateBackend of(Map<Bytes, Bytes> top) {
    return of(top, Map.of());
  }

  /** A state with these top-trie entries and default child tries (roots added to the top). */
  public static TrieStateBackend of(
      Map<Bytes, Bytes> top, Map<Bytes, ? extends Map<Bytes, Bytes>> children) {
    TreeMap<Bytes, TreeMap<Bytes, Bytes>> sorted = new TreeMap<>();
    children.forEach((k, v) -> sorted.put(k, new TreeMap<>(v)));
    return TrieStateBackend.inMemory(new TreeMap<>(top), sorted, StateVersion.V0);
  }
}
