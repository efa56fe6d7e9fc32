/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import io.basalt.primitives.types.Bytes;
import io.basalt.primitives.types.Hash256;
import io.basalt.primitives.types.StateVersion;
import java.util.List;

/**
 * Stateless trie computations for the {@code ext_trie_*} host functions, implemented by the storage
 * module's trie (wired by the node). Until then {@link #unconfigured()} traps.
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
   * Whether {@code proof} (a set of encoded trie nodes) proves that {@code key} has {@code value}
   * in the trie with root {@code root}.
   */
  boolean verifyProof(
      Hash256 root, List<Bytes> proof, Bytes key, Bytes value, StateVersion version, Hasher hasher);

  /** Trie operations that trap: no trie implementation is wired in. */
  static TrieOperations unconfigured() {
    return new TrieOperations() {
      @Override
      public Hash256 root(List<Entry> entries, StateVersion version, Hasher hasher) {
        throw new HostFunctionException(
            "trie root computation is unavailable: no TrieOperations is configured");
      }

      @Override
      public boolean verifyProof(
          Hash256 root,
          List<Bytes> proof,
          Bytes key,
          Bytes value,
          StateVersion version,
          Hasher hasher) {
        throw new HostFunctionException(
            "trie proof verification is unavailable: no TrieOperations is configured");
      }
    };
  }
}
