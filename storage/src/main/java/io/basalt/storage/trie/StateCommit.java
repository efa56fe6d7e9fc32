/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.Map;

/**
 * A whole state built from scratch: the top trie root, the roots of the non-empty default child
 * tries, and the nodes of all of them.
 *
 * @param root the state root (root of the top trie, which holds the child roots)
 * @param childRoots child trie roots by child key (without prefix): after {@link StateTrie#build}
 *     every non-empty child; after {@link StateTrie#apply} every changed child (the empty root when
 *     it became empty)
 * @param nodes every node of the top and child tries (and their V1 hashed values) by hash
 */
public record StateCommit(Hash256 root, Map<Bytes, Hash256> childRoots, Map<Hash256, Bytes> nodes) {
  public StateCommit {
    childRoots = Map.copyOf(childRoots);
    nodes = Map.copyOf(nodes);
  }

  /** The same root and nodes as a {@link TrieCommit}, e.g. to write them to a store. */
  public TrieCommit toTrieCommit() {
    return new TrieCommit(root, nodes);
  }
}
