/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.hash.Hashing;

/**
 * The hash function of a trie: it hashes nodes (root, hashed children) and, in layout V1, large
 * values. The state trie uses BLAKE2b-256; the host API's {@code ext_trie_keccak_256_*} functions
 * build the same trie with Keccak-256.
 */
public enum TrieHasher {
  BLAKE2B_256 {
    @Override
    public Hash256 hash(byte[] data) {
      return Hash256.wrap(Hashing.blake2b256(data));
    }
  },
  KECCAK_256 {
    @Override
    public Hash256 hash(byte[] data) {
      return Hash256.wrap(Hashing.keccak256(data));
    }
  };

  /** Hashes the given bytes. */
  public abstract Hash256 hash(byte[] data);

  /** The root of the empty trie under this hasher: the hash of the single byte {@code 0x00}. */
  public Hash256 emptyRoot() {
    return this == BLAKE2B_256 ? TrieRoot.EMPTY : hash(new byte[] {0});
  }
}
