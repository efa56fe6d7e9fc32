/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.Map;
import java.util.Optional;

/**
 * Where a {@link MerkleTrie} reads nodes from: a content-addressed map from hash to encoding. It
 * also serves V1 hashed values, which are stored under the hash of the value.
 *
 * <p>Implementations: {@link TrieNodeStore} (a key-value store), {@link InMemoryTrieNodes}, {@link
 * TrieProof#toNodeSource()} (the nodes of a storage proof) and {@link #of(Map)}.
 */
public interface TrieNodeSource {

  /** The node (or hashed value) stored under this hash, if present. */
  Optional<Bytes> node(Hash256 hash);

  /**
   * The decoded node stored under this hash. Sources that cache decoded nodes override this.
   *
   * @throws TrieNodeDecodingException if the stored bytes are not a valid node
   */
  default Optional<TrieNode> decodedNode(Hash256 hash) {
    return node(hash).map(TrieNodeCodec::decode);
  }

  /** A source over a fixed map (not copied: later changes to the map are visible). */
  static TrieNodeSource of(Map<Hash256, Bytes> nodes) {
    return hash -> Optional.ofNullable(nodes.get(hash));
  }

  /** A source that holds nothing. */
  static TrieNodeSource empty() {
    return hash -> Optional.empty();
  }
}
