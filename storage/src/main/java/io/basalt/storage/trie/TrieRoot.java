/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.StateVersion;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Trie roots computed from key/value pairs, without keeping any node: storage roots, the host API's
 * {@code ext_trie_*_root} functions and extrinsics roots.
 *
 * <pre>{@code
 * Hash256 stateRoot = TrieRoot.of(genesisTop, StateVersion.V0);
 * Hash256 extrinsicsRoot = TrieRoot.ordered(encodedExtrinsics, StateVersion.V0);
 * }</pre>
 */
public final class TrieRoot {
  /** The root of the empty trie with BLAKE2b-256: the hash of the single byte {@code 0x00}. */
  public static final Hash256 EMPTY =
      Hash256.fromHex("0x03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314");

  private TrieRoot() {}

  /** The BLAKE2b-256 trie root of the entries under the given layout. */
  public static Hash256 of(NavigableMap<Bytes, Bytes> entries, StateVersion version) {
    return of(entries, version, TrieHasher.BLAKE2B_256);
  }

  /** The trie root of the entries under the given layout and hasher. */
  public static Hash256 of(
      NavigableMap<Bytes, Bytes> entries, StateVersion version, TrieHasher hasher) {
    if (entries.isEmpty()) {
      return hasher.emptyRoot();
    }
    return TrieBuilder.rootOf(entries, version, hasher);
  }

  /**
   * The BLAKE2b-256 root of the ordered trie: value {@code i} under the key SCALE {@code
   * Compact<u32>(i)}. For a block's extrinsics root, pass each extrinsic exactly as it appears in
   * the body, with its own compact length prefix.
   */
  public static Hash256 ordered(List<Bytes> values, StateVersion version) {
    return ordered(values, version, TrieHasher.BLAKE2B_256);
  }

  /** The root of the ordered trie under the given layout and hasher. */
  public static Hash256 ordered(List<Bytes> values, StateVersion version, TrieHasher hasher) {
    return of(orderedEntries(values), version, hasher);
  }

  /** The entries of the ordered trie: value {@code i} under SCALE {@code Compact<u32>(i)}. */
  public static NavigableMap<Bytes, Bytes> orderedEntries(List<Bytes> values) {
    NavigableMap<Bytes, Bytes> entries = new TreeMap<>();
    for (int i = 0; i < values.size(); i++) {
      entries.put(orderedKey(i), values.get(i));
    }
    return entries;
  }

  /** The ordered trie's key for index {@code i}: SCALE {@code Compact<u32>(i)}. */
  public static Bytes orderedKey(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("negative index " + index);
    }
    return new ScaleWriter(5).writeCompact(index).toBytes();
  }
}
