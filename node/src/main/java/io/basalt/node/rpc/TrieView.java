/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.rpc.api.StorageEntry;
import io.basalt.rpc.api.StorageView;
import io.basalt.storage.trie.MerkleTrie;
import io.basalt.storage.trie.TrieNodeSource;
import io.basalt.storage.trie.TrieProof;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One trie of a block's state, read from the database's trie nodes: the top trie, or a default
 * child trie with the top-trie nodes that lead to its root (for its proofs).
 */
final class TrieView implements StorageView {
  private static final Bytes ZERO = Bytes.of((byte) 0);

  private final TrieNodeSource nodes;
  private final MerkleTrie trie;
  private final Hash256 root;
  private final Supplier<List<Bytes>> pathToRoot;

  /** The top trie of a state. */
  TrieView(TrieNodeSource nodes, Hash256 root) {
    this(nodes, root, List::of);
  }

  /**
   * A trie.
   *
   * @param pathToRoot the proof nodes that lead to this trie's root (a child trie's, in the top
   *     trie); empty for the top trie
   */
  private TrieView(TrieNodeSource nodes, Hash256 root, Supplier<List<Bytes>> pathToRoot) {
    this.nodes = nodes;
    this.trie = new MerkleTrie(nodes);
    this.root = root;
    this.pathToRoot = pathToRoot;
  }

  @Override
  public Optional<Bytes> get(Bytes key) {
    return trie.get(root, key);
  }

  @Override
  public Stream<Bytes> keys(Bytes prefix, Optional<Bytes> startAfter) {
    // Every key after `k` is at least `k ‖ 0x00`.
    return trie.keys(root, prefix, startAfter.map(k -> k.concat(ZERO)).orElse(prefix));
  }

  @Override
  public Stream<StorageEntry> entries(Bytes prefix) {
    return trie.entries(root, prefix).map(e -> new StorageEntry(e.key(), e.value()));
  }

  @Override
  public List<Bytes> readProof(Collection<Bytes> keys) {
    TreeSet<Bytes> proof = new TreeSet<>(pathToRoot.get());
    proof.addAll(TrieProof.generate(nodes, root, keys).nodes());
    return List.copyOf(proof);
  }

  /** A view of the default child trie whose root this trie holds under {@code rootKey}. */
  TrieView child(Bytes rootKey) {
    Hash256 childRoot =
        trie.get(root, rootKey)
            .filter(r -> r.length() == Hash256.LENGTH)
            .map(r -> Hash256.of(r.toArray()))
            .orElse(trie.emptyRoot());
    return new TrieView(
        nodes, childRoot, () -> TrieProof.generate(nodes, root, List.of(rootKey)).nodes());
  }
}
