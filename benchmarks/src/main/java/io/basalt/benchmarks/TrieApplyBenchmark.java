/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.benchmarks;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import io.basalt.storage.kv.InMemoryKeyValueStore;
import io.basalt.storage.kv.KeyValueStore;
import io.basalt.storage.kv.WriteBatch;
import io.basalt.storage.trie.MerkleTrie;
import io.basalt.storage.trie.TrieBuilder;
import io.basalt.storage.trie.TrieCommit;
import io.basalt.storage.trie.TrieNodeStore;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A block import's state update: {@code changes} changes (80% updates of existing keys, 10%
 * inserts, 10% deletes) applied to a persisted trie of {@code size} entries in an in-memory store,
 * read through {@link TrieNodeStore} and its cache.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@State(Scope.Benchmark)
public class TrieApplyBenchmark {
  @Param("100000")
  public int size;

  @Param("500")
  public int changes;

  private KeyValueStore store;
  private MerkleTrie trie;
  private Hash256 root;
  private final List<NavigableMap<Bytes, Optional<Bytes>>> changeSets = new ArrayList<>();
  private int next;

  @Setup(Level.Trial)
  public void buildState() {
    NavigableMap<Bytes, Bytes> entries = BenchmarkData.randomEntries(size, 2);
    TrieCommit commit = TrieBuilder.build(entries, StateVersion.V0);
    store = new InMemoryKeyValueStore();
    try (WriteBatch batch = store.newBatch()) {
      TrieNodeStore.write(batch, commit);
      batch.commit();
    }
    trie = new MerkleTrie(new TrieNodeStore(store));
    root = commit.root();
    List<Bytes> keys = new ArrayList<>(entries.keySet());
    Random random = new Random(3);
    for (int set = 0; set < 64; set++) {
      NavigableMap<Bytes, Optional<Bytes>> change = new TreeMap<>();
      while (change.size() < changes) {
        int kind = random.nextInt(10);
        if (kind < 8) {
          change.put(
              keys.get(random.nextInt(keys.size())),
              Optional.of(BenchmarkData.randomValue(random)));
        } else if (kind == 8) {
          change.put(
              BenchmarkData.randomKey(random), Optional.of(BenchmarkData.randomValue(random)));
        } else {
          change.put(keys.get(random.nextInt(keys.size())), Optional.empty());
        }
      }
      changeSets.add(change);
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    store.close();
  }

  private NavigableMap<Bytes, Optional<Bytes>> nextChanges() {
    NavigableMap<Bytes, Optional<Bytes>> change = changeSets.get(next);
    next = (next + 1) % changeSets.size();
    return change;
  }

  /** Computes the new root and the new nodes (what storage_root does at the end of a block). */
  @Benchmark
  public TrieCommit apply() {
    return trie.apply(root, nextChanges(), StateVersion.V0);
  }

  /** Also writes the new nodes through an atomic batch, as the block importer does. */
  @Benchmark
  public TrieCommit applyAndPersist() {
    TrieCommit commit = trie.apply(root, nextChanges(), StateVersion.V0);
    try (WriteBatch batch = store.newBatch()) {
      TrieNodeStore.write(batch, commit);
      batch.commit();
    }
    return commit;
  }
}
