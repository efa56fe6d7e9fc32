/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.benchmarks;

import io.basalt.chainspec.ChainSpec;
import io.basalt.executor.strategy.ExecutionContext;
import io.basalt.executor.strategy.ExecutionStrategy;
import io.basalt.node.authoring.BlockProposer;
import io.basalt.node.authoring.InherentData;
import io.basalt.node.authoring.PendingTransactions;
import io.basalt.node.authoring.Proposal;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.ImportConfig;
import io.basalt.node.importer.BlockImportResult;
import io.basalt.node.importer.BlockImporter;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.types.Header;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Dev-chain block production as the node does it ({@code BlockProposer} then {@code
 * BlockImporter.importPrepared}) on the built-in dev chain in a RocksDB database:
 *
 * <ul>
 *   <li>{@code emptyBlock}: an empty block (the timestamp inherent only) built and imported on the
 *       best block, the chain growing by one each time;
 *   <li>{@code thousandTransfers}: a block of 1,000 signed transfers built on genesis (not
 *       imported).
 * </ul>
 *
 * Block construction runs with the {@code strategy} under test ({@code Native}, {@code Wasm},
 * {@code Both}); Wasm is compiled and warm.
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
  private Blockchain chain;
  private BlockProposer proposer;
  private BlockImporter importer;
  private Header genesis;
  private List<PendingTransactions.Pending> transfers;
  private long clock = 1_764_547_200_000L;

  @Setup(Level.Trial)
  public void open() throws IOException {
    work = Files.createTempDirectory("basalt-devblock");
    ChainSpec spec = ChainSpecs.load("dev");
    ImportConfig defaults = ImportConfig.defaults();
    ImportConfig config =
        new ImportConfig(
            defaults.wasmExecution(),
            false,
            Optional.empty(),
            Map.of(ExecutionContext.BLOCK_CONSTRUCTION, ExecutionStrategy.fromCliName(strategy)),
            Optional.empty(),
            defaults.runtimeCacheSize());
    BasePath base = new BasePath(work, false);
    runtimes =
        Runtimes.forNode(config, base, true, spec.codeSubstitutes(), Runtimes.Listeners.NONE);
    opened = ChainDatabase.openChain(spec, base, runtimes);
    chain = new Blockchain(opened.db());
    proposer = new BlockProposer(chain, runtimes, Runtimes.services());
    importer = new BlockImporter(chain, runtimes, false);
    genesis = chain.requireHeader(chain.genesisHash());
    ExtrinsicFactory xts = new ExtrinsicFactory(100, chain.genesisHash());
    List<KeyPair> senders = DevAccounts.NAMES.stream().map(DevAccounts::sr25519).toList();
    transfers = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      KeyPair from = senders.get(i % senders.size());
      KeyPair to = senders.get((i + 1) % senders.size());
      RuntimeCall call =
          new RuntimeCall.TransferKeepAlive(
              MultiAddress.id(DevAccounts.account(to)), BigInteger.TEN.pow(12));
      Bytes encoded = xts.signed(from, call, i / senders.size()).encoded();
      transfers.add(new PendingTransactions.Pending(Hash256.ZERO, encoded));
    }
    Proposal check = thousandTransfers();
    if (check.transactions().size() != 1000) {
      throw new IllegalStateException(
          "only " + check.transactions().size() + " of 1000 transfers fit: " + check.invalid());
    }
    emptyBlock();
  }

  @TearDown(Level.Trial)
  public void close() {
    opened.close();
    runtimes.close();
    BasePath.deleteRecursively(work);
  }

  /** An empty block built and imported on the best block. */
  @Benchmark
  public BlockImportResult emptyBlock() {
    Header best = chain.requireHeader(chain.best().hash());
    Proposal p =
        proposer.propose(
            best,
            InherentData.empty().withTimestamp(clock += 6_000),
            List.of(),
            PendingTransactions.NONE,
            Duration.ofSeconds(2));
    BlockImportResult result = importer.importPrepared(p.block());
    if (!(result instanceof BlockImportResult.Imported)) {
      throw new IllegalStateException("not imported: " + result);
    }
    return result;
  }

  /** A block of 1,000 transfers built on genesis. */
  @Benchmark
  public Proposal thousandTransfers() {
    return proposer.propose(
        genesis,
        InherentData.empty().withTimestamp(1_764_547_206_000L),
        List.of(),
        PendingTransactions.of(transfers),
        Duration.ofSeconds(60));
  }
}
