/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Builds a whole trie bottom-up from sorted key/value pairs in one pass: each node is encoded once,
 * after its children. Use it for genesis and for any root that is computed from scratch; use {@link
 * MerkleTrie#apply} to update a persisted trie.
 *
 * <pre>{@code
 * TrieCommit commit = TrieBuilder.build(genesisTop, StateVersion.V0);
 * store.write(batch, commit); // commit.root() is the state root
 * }</pre>
 */
public final class TrieBuilder {
  private final byte[][] keys;
  private final byte[][] values;
  private final StateVersion version;
  private final TrieHasher hasher;
  private final Map<Hash256, Bytes> nodes;

  private TrieBuilder(
      NavigableMap<Bytes, Bytes> entries,
      StateVersion version,
      TrieHasher hasher,
      boolean collectNodes) {
    this.keys = new byte[entries.size()][];
    this.values = new byte[entries.size()][];
    int i = 0;
    for (Map.Entry<Bytes, Bytes> e : entries.entrySet()) {
      keys[i] = Nibbles.fromKey(e.getKey().unsafeArray());
      values[i] = e.getValue().unsafeArray();
      i++;
    }
    this.version = version;
    this.hasher = hasher;
    this.nodes = collectNodes ? new HashMap<>() : null;
  }

  /** Builds the trie of the given entries with BLAKE2b-256, collecting all its nodes. */
  public static TrieCommit build(NavigableMap<Bytes, Bytes> entries, StateVersion version) {
    return build(entries, version, TrieHasher.BLAKE2B_256);
  }

  /** Builds the trie of the given entries, collecting all its nodes. */
  public static TrieCommit build(
      NavigableMap<Bytes, Bytes> entries, StateVersion version, TrieHasher hasher) {
    TrieBuilder builder = new TrieBuilder(entries, version, hasher, true);
    Hash256 root = builder.root();
    return new TrieCommit(root, builder.nodes);
  }

  /** Computes only the root, keeping no nodes. */
  static Hash256 rootOf(NavigableMap<Bytes, Bytes> entries, StateVersion version, TrieHasher h) {
    return new TrieBuilder(entries, version, h, false).root();
  }

  private Hash256 root() {
    byte[] encoded = keys.length == 0 ? new byte[] {0} : encodeRange(0, keys.length, 0);
    Hash256 root = hasher.hash(encoded);
    if (nodes != null) {
      nodes.put(root, Bytes.wrap(encoded));
    }
    return root;
  }

  /**
   * Encodes the node holding keys {@code [lo, hi)}, which share their first {@code depth} nibbles.
   */
  private byte[] encodeRange(int lo, int hi, int depth) {
    if (hi - lo == 1) {
      byte[] key = keys[lo];
      return encodeWithValue(key, depth, key.length - depth, values[lo], null);
    }
    byte[] first = keys[lo];
    byte[] last = keys[hi - 1];
    int pos = depth;
    int limit = Math.min(first.length, last.length);
    while (pos < limit && first[pos] == last[pos]) {
      pos++;
    }
    byte[][] children = new byte[16][];
    int i = lo;
    byte[] value = null;
    if (first.length == pos) {
      value = values[lo];
      i++;
    }
    while (i < hi) {
      int nibble = keys[i][pos];
      int j = i + 1;
      while (j < hi && keys[j][pos] == nibble) {
        j++;
      }
      children[nibble] = reference(encodeRange(i, j, pos + 1));
      i = j;
    }
    if (value == null) {
      return NodeEncoding.encode(
          first, depth, pos - depth, NodeEncoding.VALUE_NONE, null, children);
    }
    return encodeWithValue(first, depth, pos - depth, value, children);
  }

  private byte[] encodeWithValue(
      byte[] nibbles, int from, int length, byte[] value, byte[][] children) {
    if (version.hashesValue(value.length)) {
      Hash256 valueHash = hasher.hash(value);
      if (nodes != null) {
        nodes.put(valueHash, Bytes.wrap(value));
      }
      return NodeEncoding.encode(
          nibbles, from, length, NodeEncoding.VALUE_HASHED, valueHash.unsafeArray(), children);
    }
    return NodeEncoding.encode(nibbles, from, length, NodeEncoding.VALUE_INLINE, value, children);
  }

  private byte[] reference(byte[] encoded) {
    if (encoded.length < Hash256.LENGTH) {
      return encoded;
    }
    Hash256 hash = hasher.hash(encoded);
    if (nodes != null) {
      nodes.put(hash, Bytes.wrap(encoded));
    }
    return hash.unsafeArray();
  }
}
