/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.api;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.StateVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Stateless trie computations for the {@code ext_trie_*} host functions and for native runtimes
 * (extrinsics roots). {@link StorageTrieOperations} implements them with the storage module's trie.
 */
public interface TrieOperations {
  /** The hash function of the trie's nodes. */
  enum Hasher {
    BLAKE2_256,
    KECCAK_256
  }

  /**
   * One trie entry.
   *
   * @param key the key
   * @param value the value
   */
  record Entry(Bytes key, Bytes value) {}

  /**
   * Root of the trie holding exactly these entries.
   *
   * @param entries sorted by key, keys unique (the host deduplicates; the last value wins)
   */
  Hash256 root(List<Entry> entries, StateVersion version, Hasher hasher);

  /**
   * Whether {@code proof} proves that {@code key} has {@code value} in the trie with root {@code
   * root}. The proof is in trie-db's compact format ({@code sp_trie::generate_trie_proof}): the
   * nodes on the key's path in pre-order, with the value and the references to the following nodes
   * left out; a plain storage proof (a set of whole nodes) is not one.
   */
  boolean verifyProof(
      Hash256 root, List<Bytes> proof, Bytes key, Bytes value, StateVersion version, Hasher hasher);

  /**
   * Root of the ordered trie of {@code values}: value {@code i} under the key SCALE {@code
   * Compact<u32>(i)}, as extrinsics roots are built.
   */
  default Hash256 orderedRoot(List<Bytes> values, StateVersion version, Hasher hasher) {
    List<Entry> entries = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      entries.add(new Entry(new ScaleWriter(5).writeCompact(i).toBytes(), values.get(i)));
    }
    entries.sort(Comparator.comparing(Entry::key));
    return root(entries, version, hasher);
  }
}
