/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.network;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.storage.trie.TrieNodeSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A trie node source that remembers every node (and hashed value) read through it: what a runtime
 * call read is the execution proof a light client needs to run the call again.
 */
final class RecordingNodes implements TrieNodeSource {
  private final TrieNodeSource nodes;
  private final Set<Bytes> recorded = new ConcurrentSkipListSet<>();

  RecordingNodes(TrieNodeSource nodes) {
    this.nodes = nodes;
  }

  @Override
  public Optional<Bytes> node(Hash256 hash) {
    Optional<Bytes> node = nodes.node(hash);
    node.ifPresent(recorded::add);
    return node;
  }

  /** The nodes read so far, in byte order. */
  List<Bytes> recorded() {
    return List.copyOf(recorded);
  }
}
