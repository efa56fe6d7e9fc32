/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import io.basalt.primitives.bytes.Bytes;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One trie of a block's state: the top trie or a default child trie. Reads may block (they reach
 * the database); streams are lazy, in key order, and need not be closed.
 */
public interface StorageView {
  /** The value under {@code key}. */
  Optional<Bytes> get(Bytes key);

  /**
   * The keys starting with {@code prefix}, in order, from the first one strictly after {@code
   * startAfter} when given (Substrate's exclusive {@code start_key}).
   */
  Stream<Bytes> keys(Bytes prefix, Optional<Bytes> startAfter);

  /** The entries whose key starts with {@code prefix}, in key order. */
  Stream<StorageEntry> entries(Bytes prefix);

  /**
   * The trie nodes that prove the values (or absence) of {@code keys}: distinct and sorted, as
   * Substrate's {@code StorageProof} iterates them. A child trie's proof includes the top-trie
   * nodes leading to its root.
   */
  List<Bytes> readProof(Collection<Bytes> keys);
}
