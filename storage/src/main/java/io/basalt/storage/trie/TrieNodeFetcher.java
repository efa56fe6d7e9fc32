/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.Collection;

/**
 * Where a {@link TrieNodeStore} gets the nodes it does not hold: a forked chain's state, fetched
 * from another node on first use. Answers are untrusted: the store keeps only nodes whose hash it
 * computed itself, so a fetcher can at worst fail to deliver the wanted node, never corrupt the
 * state.
 */
public interface TrieNodeFetcher {

  /**
   * Node encodings (any number: a storage proof's worth) that include the node with {@code hash}
   * met at {@code path}; empty if it cannot be had.
   *
   * @throws io.basalt.storage.StorageException if the source fails
   */
  Collection<Bytes> nodesFor(Hash256 hash, Nibbles path);

  /**
   * Encodings that include the V1 hashed value with {@code hash} stored under {@code key} (the
   * value itself, or a proof holding it); empty if it cannot be had.
   *
   * @throws io.basalt.storage.StorageException if the source fails
   */
  Collection<Bytes> valueFor(Hash256 hash, Bytes key);
}
