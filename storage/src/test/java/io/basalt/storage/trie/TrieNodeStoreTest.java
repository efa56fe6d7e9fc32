/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import io.basalt.storage.kv.Column;
import io.basalt.storage.kv.InMemoryKeyValueStore;
import io.basalt.storage.kv.KeyValueStore;
import io.basalt.storage.kv.WriteBatch;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrieNodeStoreTest {

  /** Counts reads that reach the underlying store. */
  private static final class CountingStore extends ForwardingStore {
    final AtomicInteger trieReads = new AtomicInteger();

    CountingStore(KeyValueStore inner) {
      super(inner);
    }

    @Override
    public Optional<Bytes> get(Column column, Bytes key) {
      if (column == Column.TRIE_NODES) {
        trieReads.incrementAndGet();
      }
      return super.get(column, key);
    }
  }

  @Test
  void nodesBecomeReadableOnlyWhenTheBatchCommits() {
    KeyValueStore kv = new InMemoryKeyValueStore();
    TrieNodeStore nodes = new TrieNodeStore(kv);
    NavigableMap<Bytes, Bytes> map = MerkleTrieTest.randomMap(new Random(1), 200);
    TrieCommit commit = TrieBuilder.build(map, StateVersion.V1);
    try (WriteBatch batch = kv.newBatch()) {
      TrieNodeStore.write(batch, commit);
      assertThat(nodes.node(commit.root())).isEmpty();
      batch.commit();
    }
    assertThat(nodes.contains(commit.root())).isTrue();
    MerkleTrie trie = new MerkleTrie(nodes);
    for (Map.Entry<Bytes, Bytes> e : map.entrySet()) {
      assertThat(trie.get(commit.root(), e.getKey())).contains(e.getValue());
    }
    for (Map.Entry<Hash256, Bytes> node : commit.nodes().entrySet()) {
      assertThat(kv.get(Column.TRIE_NODES, node.getKey().toBytes())).contains(node.getValue());
    }
  }

  @Test
  void cacheServesRepeatedReadsAndStaysBounded() {
    CountingStore kv = new CountingStore(new InMemoryKeyValueStore());
    NavigableMap<Bytes, Bytes> map = MerkleTrieTest.randomMap(new Random(2), 2_000);
    TrieCommit commit = TrieBuilder.build(map, StateVersion.V0);
    try (WriteBatch batch = kv.newBatch()) {
      TrieNodeStore.write(batch, commit);
      batch.commit();
    }
    TrieNodeStore cached = new TrieNodeStore(kv, 16L * 1024 * 1024);
    MerkleTrie trie = new MerkleTrie(cached);
    Bytes key = map.firstKey();
    trie.get(commit.root(), key);
    int afterFirst = kv.trieReads.get();
    assertThat(afterFirst).isPositive();
    trie.get(commit.root(), key);
    assertThat(kv.trieReads.get()).isEqualTo(afterFirst);

    // A tiny cache keeps evicting: reads keep reaching the store but results stay right.
    CountingStore kv2 = new CountingStore(kv);
    TrieNodeStore tiny = new TrieNodeStore(kv2, 4_096);
    MerkleTrie small = new MerkleTrie(tiny);
    for (Map.Entry<Bytes, Bytes> e : map.entrySet()) {
      assertThat(small.get(commit.root(), e.getKey())).contains(e.getValue());
    }
    int reads = kv2.trieReads.get();
    small.get(commit.root(), map.lastKey());
    assertThat(kv2.trieReads.get()).isGreaterThan(reads);
    assertThat(tiny.cacheStatistics()).contains("hits").contains("misses");
  }

  @Test
  void disabledCacheStillReads() {
    KeyValueStore kv = new InMemoryKeyValueStore();
    NavigableMap<Bytes, Bytes> map =
        new TreeMap<>(Map.of(Bytes.fromHex("0x01"), Bytes.fromHex("0x02")));
    TrieCommit commit = TrieBuilder.build(map, StateVersion.V0);
    try (WriteBatch batch = kv.newBatch()) {
      TrieNodeStore.write(batch, commit);
      batch.commit();
    }
    assertThat(new MerkleTrie(new TrieNodeStore(kv, 0)).get(commit.root(), Bytes.fromHex("0x01")))
        .contains(Bytes.fromHex("0x02"));
  }
}
