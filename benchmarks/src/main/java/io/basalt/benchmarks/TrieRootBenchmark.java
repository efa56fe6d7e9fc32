/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.benchmarks;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import io.basalt.storage.trie.TrieBuilder;
import io.basalt.storage.trie.TrieCommit;
import io.basalt.storage.trie.TrieRoot;
import java.util.NavigableMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Trie roots computed from scratch: the Kusama genesis state (3,419 entries including the 1 MB
 * runtime) and N random 32-byte keys.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrieRootBenchmark {

  /** The Kusama genesis top map. */
  @State(Scope.Benchmark)
  public static class Kusama {
    NavigableMap<Bytes, Bytes> top;

    @Setup
    public void load() {
      top = BenchmarkData.genesisTop("kusama.json");
      Hash256 root = TrieRoot.of(top, StateVersion.V0);
      if (!root.equals(
          Hash256.fromHex("0xb0006203c3a6e6bd2c6a17b1d4ae8ca49a31da0f4579da950b127774b44aef6b"))) {
        throw new IllegalStateException("wrong Kusama genesis root " + root);
      }
    }
  }

  /** Random entries. */
  @State(Scope.Benchmark)
  public static class Random {
    @Param({"10000", "100000"})
    public int entries;

    NavigableMap<Bytes, Bytes> map;

    @Setup
    public void generate() {
      map = BenchmarkData.randomEntries(entries, 1);
    }
  }

  @Benchmark
  public Hash256 kusamaGenesisRoot(Kusama kusama) {
    return TrieRoot.of(kusama.top, StateVersion.V0);
  }

  @Benchmark
  public Hash256 randomEntriesRoot(Random random) {
    return TrieRoot.of(random.map, StateVersion.V1);
  }

  /** Same as {@link #randomEntriesRoot} but also keeps every node, as for a genesis commit. */
  @Benchmark
  public TrieCommit randomEntriesCommit(Random random) {
    return TrieBuilder.build(random.map, StateVersion.V1);
  }
}
