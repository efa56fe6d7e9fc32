/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.benchmarks;

import io.basalt.chainspec.ChainSpec;
import io.basalt.executor.strategy.ExecutionContext;
import io.basalt.executor.strategy.ExecutionStrategy;
import io.basalt.node.authoring.BlockProposer;
import io.basalt.node.authoring.Consensus;
import io.basalt.node.authoring.CreatedBlock;
import io.basalt.node.authoring.DevSealer;
import io.basalt.node.authoring.InherentData;
import io.basalt.node.authoring.PendingTransactions;
import io.basalt.node.authoring.Proposal;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.ImportConfig;
import io.basalt.node.importer.BlockImporter;
import io.basalt.node.log.LogSetup;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.runtime.demo.chain.SteppingClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
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
 * Dev-chain block production as {@code bin/node --dev} does it, on the built-in dev chain in a
 * RocksDB database in a temporary directory:
 *
 * <ul>
 *   <li>{@code emptyBlock}: {@code engine_createBlock(createEmpty, finalize)} on the node's {@link
 *       DevSealer}: an empty block (the timestamp inherent only) built by the {@link BlockProposer}
 *       on the best block, imported with its state through the {@link BlockImporter} and finalized,
 *       the chain growing by one each time;
 *   <li>{@code thousandTransfers}: a block of 1,000 sr25519-signed {@code transfer_keep_alive}s
 *       (the transfers of {@link BlockExecutionBenchmark}) built by the proposer on genesis (not
 *       imported).
 * </ul>
 *
 * Every execution context runs with the {@code strategy} under test ({@code --execution Native},
 * {@code Wasm} or {@code Both}); Wasm is compiled (the setup waits for the tiered start's
 * background compilation) and warm. The status lines (target {@code basalt}) are off: a block costs
 * the same without them, less the console.
 *
 * <pre>{@code
 * bin/bench DevBlock -f 1 -wi 3 -i 5
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DevBlockBenchmark {
  @Param({"Native", "Wasm", "Both"})
  public String strategy;

  private Path work;
  private Runtimes runtimes;
  private ChainDatabase.Opened opened;
  private DevSealer sealer;
  private BlockProposer proposer;
  private Header genesis;
  private PendingTransactions transfers;

  @Setup(Level.Trial)
  public void open() throws IOException {
    LogSetup.apply(List.of("basalt=warn"));
    work = Files.createTempDirectory("basalt-devblock");
    ChainSpec spec = ChainSpecs.load("dev");
    ImportConfig defaults = ImportConfig.defaults();
    ExecutionStrategy chosen = ExecutionStrategy.fromCliName(strategy);
    ImportConfig config =
        new ImportConfig(
            defaults.wasmExecution(),
            false,
            Optional.empty(),
            Arrays.stream(ExecutionContext.values())
                .collect(Collectors.toMap(Function.identity(), c -> chosen)),
            Optional.empty(),
            defaults.runtimeCacheSize());
    BasePath base = new BasePath(work, false);
    runtimes =
        Runtimes.forNode(config, base, true, spec.codeSubstitutes(), Runtimes.Listeners.NONE);
    opened = ChainDatabase.openChain(spec, base, runtimes);
    Blockchain chain = new Blockchain(opened.db());
    proposer = new BlockProposer(chain, runtimes, Runtimes.services());
    BlockImporter importer = new BlockImporter(chain, runtimes, false);
    sealer =
        new DevSealer(
            new Consensus.Manual(),
            proposer,
            importer,
            PendingTransactions.NONE,
            new SteppingClock(),
            true);
    genesis = chain.requireHeader(chain.genesisHash());
    transfers =
        PendingTransactions.of(
            BenchmarkData.demoTransfers(1000, chain.genesisHash()).stream()
                .map(x -> new PendingTransactions.Pending(Hash256.ZERO, x))
                .toList());
    Proposal check = thousandTransfers();
    if (check.transactions().size() != 1000) {
      throw new IllegalStateException(
          "only " + check.transactions().size() + " of 1000 transfers fit: " + check.invalid());
    }
    runtimes
        .executor()
        .whenCompiled(runtimes.blob(chain.stateAt(genesis).get(WellKnownKeys.CODE).orElseThrow()))
        .join();
    emptyBlock();
  }

  @TearDown(Level.Trial)
  public void close() {
    sealer.close();
    opened.close();
    runtimes.close();
    BasePath.deleteRecursively(work);
  }

  /** An empty block built, imported and finalized on the best block, as the node makes one. */
  @Benchmark
  public CreatedBlock emptyBlock() {
    CreatedBlock created = sealer.createBlock(true, true, Optional.empty()).join();
    if (!created.isNewBest() || !created.finalized()) {
      throw new IllegalStateException("not the new best, finalized block: " + created);
    }
    return created;
  }

  /** A block of 1,000 transfers built on genesis. */
  @Benchmark
  public Proposal thousandTransfers() {
    return proposer.propose(
        genesis,
        InherentData.empty().withTimestamp(1_764_547_206_000L),
        List.of(),
        transfers,
        Duration.ofSeconds(60));
  }
}
