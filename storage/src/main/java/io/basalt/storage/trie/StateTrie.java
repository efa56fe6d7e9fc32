/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.types.Bytes;
import io.basalt.primitives.types.Hash256;
import io.basalt.primitives.types.StateVersion;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Builds a complete state (top trie plus default child tries) from key/values, as for a genesis
 * block: child roots are computed first with the same layout, written into the top map under {@link
 * ChildTrie#DEFAULT_PREFIX} ‖ child key (empty child tries are left out), then the top trie is
 * built.
 *
 * <pre>{@code
 * StateCommit genesis = StateTrie.build(spec.top(), spec.childrenDefault(), StateVersion.V0);
 * tx.putTrieNodes(genesis.toTrieCommit());
 * }</pre>
 */
public final class StateTrie {
  private StateTrie() {}

  /** Builds the state and collects all nodes of the top and child tries. */
  public static StateCommit build(
      NavigableMap<Bytes, Bytes> top,
      Map<Bytes, ? extends NavigableMap<Bytes, Bytes>> defaultChildren,
      StateVersion version) {
    Map<Hash256, Bytes> nodes = new HashMap<>();
    Map<Bytes, Hash256> childRoots = new HashMap<>();
    NavigableMap<Bytes, Bytes> fullTop =
        withChildRoots(top, defaultChildren, version, nodes, childRoots);
    TrieCommit topCommit = TrieBuilder.build(fullTop, version);
    nodes.putAll(topCommit.nodes());
    return new StateCommit(topCommit.root(), childRoots, nodes);
  }

  /** The state root only (no nodes kept for the top trie). */
  public static Hash256 root(
      NavigableMap<Bytes, Bytes> top,
      Map<Bytes, ? extends NavigableMap<Bytes, Bytes>> defaultChildren,
      StateVersion version) {
    return TrieRoot.of(
        withChildRoots(top, defaultChildren, version, null, new HashMap<>()), version);
  }

  private static NavigableMap<Bytes, Bytes> withChildRoots(
      NavigableMap<Bytes, Bytes> top,
      Map<Bytes, ? extends NavigableMap<Bytes, Bytes>> defaultChildren,
      StateVersion version,
      Map<Hash256, Bytes> nodes,
      Map<Bytes, Hash256> childRoots) {
    NavigableMap<Bytes, Bytes> fullTop = new TreeMap<>(top);
    for (Map.Entry<Bytes, ? extends NavigableMap<Bytes, Bytes>> child :
        defaultChildren.entrySet()) {
      Bytes rootKey = ChildTrie.defaultRootKey(child.getKey());
      if (child.getValue().isEmpty()) {
        fullTop.remove(rootKey);
        continue;
      }
      Hash256 childRoot;
      if (nodes == null) {
        childRoot = TrieRoot.of(child.getValue(), version);
      } else {
        TrieCommit commit = TrieBuilder.build(child.getValue(), version);
        nodes.putAll(commit.nodes());
        childRoot = commit.root();
      }
      childRoots.put(child.getKey(), childRoot);
      fullTop.put(rootKey, childRoot.toBytes());
    }
    return fullTop;
  }
}
