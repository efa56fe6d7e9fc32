/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import io.basalt.primitives.types.WellKnownKeys;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds a complete state (top trie plus default child tries) from key/values, as for a genesis
 * block: child roots are computed first with the same layout, written into the top map under {@link
 * ChildTrie#DEFAULT_PREFIX} ‖ child key (empty child tries are left out), then the top trie is
 * built.
 *
 * <p>{@link #apply} does the same for a block's changes to a persisted state.
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

  /**
   * Applies changes to a persisted state: each changed default child trie is updated first and its
   * new root written into the top changes under {@link ChildTrie#DEFAULT_PREFIX} ‖ child key
   * (removed when the child trie became empty), then the top trie is updated.
   *
   * @param trie reads the current top and child tries (same hasher as the state)
   * @param root the current state root
   * @param topChanges changes to the top trie; entries under the child prefix are overridden for
   *     the children that change
   * @param childChanges changes per default child trie, keyed by child key (without prefix)
   * @return the new state root, the new roots of the changed child tries (the empty root for a
   *     child that became empty) and only the new nodes of all tries
   * @throws MissingTrieNodeException if a node on a changed path is missing
   * @throws io.basalt.storage.StorageException if a stored child root is not 32 bytes
   */
  public static StateCommit apply(
      MerkleTrie trie,
      Hash256 root,
      NavigableMap<Bytes, Optional<Bytes>> topChanges,
      Map<Bytes, ? extends NavigableMap<Bytes, Optional<Bytes>>> childChanges,
      StateVersion version) {
    Map<Hash256, Bytes> nodes = new HashMap<>();
    Map<Bytes, Hash256> childRoots = new HashMap<>();
    NavigableMap<Bytes, Optional<Bytes>> allTopChanges = new TreeMap<>(topChanges);
    for (Map.Entry<Bytes, ? extends NavigableMap<Bytes, Optional<Bytes>>> child :
        childChanges.entrySet()) {
      Bytes rootKey = WellKnownKeys.defaultChildRootKey(child.getKey());
      Hash256 childRoot =
          trie.get(root, rootKey)
              .map(
                  stored -> {
                    if (stored.length() != Hash256.LENGTH) {
                      throw new io.basalt.storage.StorageException(
                          "child trie root under "
                              + rootKey
                              + " is "
                              + stored.length()
                              + " bytes, expected 32",
                          null,
                          true);
                    }
                    return Hash256.of(stored.unsafeArray());
                  })
              .orElse(trie.emptyRoot());
      TrieCommit commit = trie.apply(childRoot, child.getValue(), version);
      nodes.putAll(commit.nodes());
      childRoots.put(child.getKey(), commit.root());
      allTopChanges.put(
          rootKey,
          commit.root().equals(trie.emptyRoot())
              ? Optional.empty()
              : Optional.of(commit.root().toBytes()));
    }
    TrieCommit top = trie.apply(root, allTopChanges, version);
    nodes.putAll(top.nodes());
    return new StateCommit(top.root(), childRoots, nodes);
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
      Bytes rootKey = WellKnownKeys.defaultChildRootKey(child.getKey());
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
