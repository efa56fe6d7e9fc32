/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.storage.StorageException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A storage proof: the encoded trie nodes (and V1 hashed values) on the paths of some keys, as
 * Substrate's {@code state_getReadProof} returns them. The nodes are distinct and sorted by their
 * bytes (Substrate keeps them in a {@code BTreeSet}).
 *
 * <p>A verifier that knows the state root can look any of those keys up through the proof alone:
 * either it finds the value, or it finds that the key is absent; a key outside the proven paths
 * fails with a {@link MissingTrieNodeException}.
 *
 * <pre>{@code
 * TrieProof proof = TrieProof.generate(nodeStore, stateRoot, List.of(key));
 * boolean ok = TrieProof.verify(stateRoot, proof.nodes(), key, Optional.of(value));
 * }</pre>
 *
 * <p>This is not the format of the host API's {@code ext_trie_*_verify_proof}; see {@link
 * CompactTrieProof}.
 *
 * @param nodes the encoded nodes and hashed values
 */
public record TrieProof(List<Bytes> nodes) {
  public TrieProof {
    nodes = List.copyOf(nodes);
  }

  /** Collects the BLAKE2b-256 trie nodes needed to read the given keys. */
  public static TrieProof generate(TrieNodeSource source, Hash256 root, Collection<Bytes> keys) {
    return generate(source, root, keys, TrieHasher.BLAKE2B_256);
  }

  /**
   * Collects the trie nodes needed to read the given keys: every hash-referenced node on their
   * paths (the root included) and the hashed values of the keys that have one.
   *
   * @throws MissingTrieNodeException if the source lacks a node on one of the paths
   */
  public static TrieProof generate(
      TrieNodeSource source, Hash256 root, Collection<Bytes> keys, TrieHasher hasher) {
    TreeSet<Bytes> recorded = new TreeSet<>();
    TrieNodeSource recording =
        hash -> {
          Optional<Bytes> node = source.node(hash);
          node.ifPresent(recorded::add);
          return node;
        };
    MerkleTrie trie = new MerkleTrie(recording, hasher);
    for (Bytes key : keys) {
      trie.get(root, key);
    }
    return new TrieProof(List.copyOf(recorded));
  }

  /** The proof's nodes as a source keyed by their BLAKE2b-256 hash. */
  public TrieNodeSource toNodeSource() {
    return toNodeSource(TrieHasher.BLAKE2B_256);
  }

  /** The proof's nodes as a source keyed by their hash, for reads with a {@link MerkleTrie}. */
  public TrieNodeSource toNodeSource(TrieHasher hasher) {
    return nodeSource(nodes, hasher);
  }

  /**
   * Checks a BLAKE2b-256 proof; see {@link #verify(Hash256, Collection, Bytes, Optional,
   * TrieHasher)}.
   */
  public static boolean verify(
      Hash256 root, Collection<Bytes> proof, Bytes key, Optional<Bytes> expected) {
    return verify(root, proof, key, expected, TrieHasher.BLAKE2B_256);
  }

  /**
   * Checks that the proof shows {@code key} holding {@code expected} (or, if empty, being absent)
   * in the trie with the given root. Both value layouts are accepted, so no state version is
   * needed.
   *
   * @return {@code false} if the value differs, the proof lacks a node on the key's path or holds a
   *     malformed node on it
   */
  public static boolean verify(
      Hash256 root,
      Collection<Bytes> proof,
      Bytes key,
      Optional<Bytes> expected,
      TrieHasher hasher) {
    try {
      return new MerkleTrie(nodeSource(proof, hasher), hasher).get(root, key).equals(expected);
    } catch (StorageException e) {
      return false;
    }
  }

  private static TrieNodeSource nodeSource(Collection<Bytes> proof, TrieHasher hasher) {
    Map<Hash256, Bytes> byHash = new HashMap<>();
    for (Bytes node : proof) {
      byHash.put(hasher.hash(node.unsafeArray()), node);
    }
    return TrieNodeSource.of(byHash);
  }
}
