/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.benchmarks;

import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.ChainSpecParser;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.chain.GenesisFactory;
import io.basalt.node.config.BasePath;
import io.basalt.node.runtime.RuntimeGenesisBuilder;
import io.basalt.node.runtime.Runtimes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A chain spec to a committed genesis, in steps: parse the spec, build the genesis state (trie
 * nodes and header), and commit it to a fresh RocksDB database. The whole-process figure (JVM start
 * included) comes from {@code bin/bench-startup}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GenesisBenchmark {
  @Param({"kusama.json"})
  public String spec;

  private Path specFile;
  private ChainSpec parsed;
  private GenesisFactory.GenesisBlock genesis;
  private Path dbDir;
  // Raw specs never call the runtime; the builder is there for plain (runtimeGenesis) specs.
  private Runtimes runtimes;
  private RuntimeGenesisBuilder builder;

  @Setup(Level.Trial)
  public void load() {
    specFile = BenchmarkData.fixtures().resolve("chainspecs").resolve(spec);
    parsed = ChainSpecParser.parse(specFile);
    runtimes = Runtimes.create(WasmExecutionMethod.COMPILED, Optional.empty());
    builder = new RuntimeGenesisBuilder(runtimes);
    genesis = GenesisFactory.build(parsed, builder);
  }

  @TearDown(Level.Trial)
  public void closeRuntimes() {
    runtimes.close();
  }

  @Setup(Level.Invocation)
  public void freshDirectory() throws IOException {
    dbDir = Files.createTempDirectory("genesis-bench");
  }

  @TearDown(Level.Invocation)
  public void deleteDirectory() {
    BasePath.deleteRecursively(dbDir);
  }

  @Benchmark
  public ChainSpec parseSpec() {
    return ChainSpecParser.parse(specFile);
  }

  @Benchmark
  public GenesisFactory.GenesisBlock buildGenesis() {
    return GenesisFactory.build(parsed, builder);
  }

  @Benchmark
  public ChainDatabase.GenesisOutcome commitGenesis() {
    try (ChainDatabase db = ChainDatabase.open(dbDir.resolve("db"))) {
      return db.initialize(genesis);
    }
  }

  @Benchmark
  public ChainDatabase.GenesisOutcome specToCommittedGenesis() {
    GenesisFactory.GenesisBlock block =
        GenesisFactory.build(ChainSpecParser.parse(specFile), builder);
    try (ChainDatabase db = ChainDatabase.open(dbDir.resolve("db"))) {
      return db.initialize(block);
    }
  }
}
