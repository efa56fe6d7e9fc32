/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe, growable in-memory node source for tests, benchmarks and short-lived tries.
 *
 * <pre>{@code
 * InMemoryTrieNodes nodes = new InMemoryTrieNodes();
 * nodes.add(TrieBuilder.build(entries, StateVersion.V1));
 * }</pre>
 */
public final class InMemoryTrieNodes implements TrieNodeSource {
  private final Map<Hash256, Bytes> nodes = new ConcurrentHashMap<>();

  /** Adds every node of a commit. */
  public InMemoryTrieNodes add(TrieCommit commit) {
    nodes.putAll(commit.nodes());
    return this;
  }

  /** Adds one node (or hashed value) under its hash. */
  public InMemoryTrieNodes put(Hash256 hash, Bytes encoded) {
    nodes.put(hash, encoded);
    return this;
  }

  /** The number of stored nodes and values. */
  public int size() {
    return nodes.size();
  }

  @Override
  public Optional<Bytes> node(Hash256 hash) {
    return Optional.ofNullable(nodes.get(hash));
  }
}
