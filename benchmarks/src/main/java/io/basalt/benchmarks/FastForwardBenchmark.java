/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.benchmarks;

import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.ChainSpecParser;
import io.basalt.node.authoring.BlockProposer;
import io.basalt.node.authoring.Consensus;
import io.basalt.node.authoring.CreatedBlock;
import io.basalt.node.authoring.DevSealer;
import io.basalt.node.authoring.PendingTransactions;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.ImportConfig;
import io.basalt.node.consensus.aura.AuraEngine;
import io.basalt.node.consensus.slots.FastForward;
import io.basalt.node.importer.BlockImporter;
import io.basalt.node.log.LogSetup;
import io.basalt.node.runtime.RuntimeCalls;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.keystore.DevKeys;
import io.basalt.primitives.crypto.keystore.InMemoryKeystore;
import io.basalt.primitives.crypto.keystore.KeyTypeId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.WellKnownKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Fast-forward on a real chain, Chopsticks' {@code dev_newBlock} on Basalt: an empty block of the
 * node-template fixture chain (Aura + GRANDPA, Alice's key) made by the node's {@link DevSealer}
 * with {@code --consensus manual}: the next slot Alice may claim, the timestamp and {@code
 * auraslot} inherents, built in Wasm (compiled; the setup waits for the tiered start's
 * compilation), sealed, verified by the Aura verifier and imported with its state into RocksDB in a
 * temporary directory; not finalized (GRANDPA's job). Blocks per second = 1000 / score.
 *
 * <pre>{@code
 * bin/bench FastForward -f 1 -wi 3 -i 5
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FastForwardBenchmark {
  private Path work;
  private Runtimes runtimes;
  private ChainDatabase.Opened opened;
  private DevSealer sealer;

  @Setup(Level.Trial)
  public void open() throws IOException {
    LogSetup.apply(List.of("basalt=warn"));
    work = Files.createTempDirectory("basalt-fastforward");
    ChainSpec spec =
        ChainSpecParser.parse(
            BenchmarkData.fixtures().resolve("chainspecs").resolve("node-template-local.json"));
    BasePath base = new BasePath(work, false);
    runtimes =
        Runtimes.forNode(
            ImportConfig.defaults(), base, true, spec.codeSubstitutes(), Runtimes.Listeners.NONE);
    opened = ChainDatabase.openChain(spec, base, runtimes);
    Blockchain chain = new Blockchain(opened.db());
    InMemoryKeystore keys = new InMemoryKeystore();
    DevKeys.insert(keys, "Alice", List.of(new DevKeys.KeySpec(KeyTypeId.AURA, KeyScheme.SR25519)));
    AuraEngine aura =
        new AuraEngine(chain, new RuntimeCalls(chain, runtimes), keys, Clock.systemUTC());
    BlockImporter importer = new BlockImporter(chain, runtimes, false);
    importer.addVerifier(aura);
    sealer =
        new DevSealer(
            new Consensus.Manual(),
            new BlockProposer(chain, runtimes, Runtimes.services().withKeystore(keys)),
            importer,
            PendingTransactions.NONE,
            Clock.systemUTC(),
            false,
            Optional.of(new FastForward(aura)));
    Header genesis = chain.requireHeader(chain.genesisHash());
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

  /** An empty Aura block made on demand on the best block, as {@code dev_newBlock} makes one. */
  @Benchmark
  public CreatedBlock emptyBlock() {
    CreatedBlock created = sealer.createBlock(true, false, Optional.empty()).join();
    if (!created.isNewBest()) {
      throw new IllegalStateException("not the new best block: " + created);
    }
    return created;
  }
}
