/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.api;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import io.basalt.storage.trie.CompactTrieProof;
import io.basalt.storage.trie.TrieHasher;
import io.basalt.storage.trie.TrieRoot;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link TrieOperations} on the storage module's trie: roots with {@link TrieRoot}, proofs in
 * {@code trie-db}'s compact format with {@link CompactTrieProof} (what sp-io's {@code
 * verify_trie_proof} checks). Stateless and thread-safe.
 *
 * <pre>{@code
 * HostServices services = HostServices.standard();
 * }</pre>
 */
public final class StorageTrieOperations implements TrieOperations {
  /** The shared instance. */
  public static final StorageTrieOperations INSTANCE = new StorageTrieOperations();

  private StorageTrieOperations() {}

  @Override
  public Hash256 root(List<Entry> entries, StateVersion version, Hasher hasher) {
    NavigableMap<Bytes, Bytes> map = new TreeMap<>();
    for (Entry e : entries) {
      map.put(e.key(), e.value());
    }
    return TrieRoot.of(map, version, trieHasher(hasher));
  }

  @Override
  public boolean verifyProof(
      Hash256 root,
      List<Bytes> proof,
      Bytes key,
      Bytes value,
      StateVersion version,
      Hasher hasher) {
    return CompactTrieProof.verify(
        root, proof, key, Optional.of(value), version, trieHasher(hasher));
  }

  private static TrieHasher trieHasher(Hasher hasher) {
    return switch (hasher) {
      case BLAKE2_256 -> TrieHasher.BLAKE2B_256;
      case KECCAK_256 -> TrieHasher.KECCAK_256;
    };
  }
}
