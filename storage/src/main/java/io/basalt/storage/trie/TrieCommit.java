/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.Map;

/**
 * The result of building or updating a trie: its root and the nodes to persist.
 *
 * @param root the trie root (hash of the root node)
 * @param nodes node encodings keyed by their hash: every node whose encoding is at least 32 bytes
 *     (shorter ones are inlined in their parent), the root node always, and in layout V1 the hashed
 *     values keyed by their hash. After {@link MerkleTrie#apply} only the nodes that did not exist
 *     before are listed.
 */
public record TrieCommit(Hash256 root, Map<Hash256, Bytes> nodes) {
  public TrieCommit {
    nodes = Map.copyOf(nodes);
  }
}
