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

  /**
   * A node that {@link #decodedNode} did not find, met by a trie walk at {@code path} (the nibbles
   * from the root to where the node starts). A source that can fetch missing nodes from elsewhere
   * ({@link TrieNodeStore} with a {@link TrieNodeFetcher}) does so here; the others have nothing.
   */
  default Optional<TrieNode> missingNode(Hash256 hash, Nibbles path) {
    return Optional.empty();
  }

  /**
   * A V1 hashed value that {@link #node} did not find, read for {@code key}; see {@link
   * #missingNode}.
   */
  default Optional<Bytes> missingValue(Hash256 hash, Bytes key) {
    return Optional.empty();
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
