/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.ChainSpecParser;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.config.BasePath;
import io.basalt.node.importer.BlockImportResult;
import io.basalt.node.importer.BlockImporter;
import io.basalt.node.log.LogSetup;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.primitives.types.WellKnownKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * Imports Westend #1..#128 on {@code westend.json} into a fresh RocksDB database per invocation, as
 * {@code import-blocks} does (JVM start excluded): the score is milliseconds per 128 blocks,
 * blocks/s = 128000 / score.
 *
 * <ul>
 *   <li>{@code cache=warm}: one executor for the trial whose compiled runtime is in memory (and in
 *       the disk cache): the steady import rate. Each invocation waits (untimed) until the tiered
 *       start's background compilation is over, so only the first warm-up runs interpreted.
 *   <li>{@code cache=cold}: a new executor and an empty compilation cache per invocation, so the
 *       score includes compiling the genesis runtime (compiled mode) or parsing it (interpreted).
 *   <li>{@code cache=disk}: a new executor per invocation with the disk cache filled: a restarted
 *       node that loads the compiled classes instead of compiling.
 * </ul>
 *
 * <p>Peak heap (all heap pools' peak usage since JVM start) is printed after each trial. Signatures
 * are verified for real, as the node does. Run with {@code bin/bench WestendImport -p
 * method=compiled}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class WestendImportBenchmark {
  @Param({"compiled", "interpreted-i-know-what-i-do"})
  public String method;

  @Param({"warm", "cold", "disk"})
  public String cache;

  private ChainSpec spec;
  private List<SignedBlock> blocks;
  private Path work;
  private Path diskCache;
  private Runtimes shared;

  private Runtimes runtimes;
  private ChainDatabase db;
  private Path base;

  @Setup(Level.Trial)
  public void load() throws IOException {
    LogSetup.apply(List.of("basalt=warn"));
    spec = ChainSpecParser.parse(BenchmarkData.fixtures().resolve("chainspecs/westend.json"));
    blocks = westendBlocks();
    work = Files.createTempDirectory("basalt-import-bench");
    diskCache = work.resolve("wasm-cache");
    if (cache.equals("warm")) {
      shared = runtimes(Optional.of(diskCache));
    }
  }

  private Runtimes runtimes(Optional<Path> cacheDir) {
    return Runtimes.create(WasmExecutionMethod.fromCliName(method), cacheDir, Runtimes.services());
  }

  @Setup(Level.Invocation)
  public void freshDatabase() throws IOException {
    base = Files.createTempDirectory(work, "base");
    runtimes =
        switch (cache) {
          case "warm" -> shared;
          case "cold" -> runtimes(Optional.of(Files.createTempDirectory(work, "empty-cache")));
          default -> runtimes(Optional.of(diskCache));
        };
    db = ChainDatabase.openChain(spec, new BasePath(base, false), runtimes).db();
    if (runtimes == shared) {
      // The tiered start runs a new runtime interpreted while it compiles: warm means compiled.
      Blockchain chain = new Blockchain(db);
      Bytes code =
          chain
              .stateAt(chain.requireHeader(chain.genesisHash()))
              .get(WellKnownKeys.CODE)
              .orElseThrow();
      shared.executor().whenCompiled(shared.blob(code)).join();
    }
  }

  @Benchmark
  public long importWestend1To128() {
    BlockImporter importer = new BlockImporter(db, runtimes, false);
    long number = 0;
    for (SignedBlock block : blocks) {
      BlockImportResult result = importer.importBlock(block);
      if (!(result instanceof BlockImportResult.Imported imported)) {
        throw new IllegalStateException("block #" + result.number() + " not imported: " + result);
      }
      number = imported.number();
    }
    return number;
  }

  @TearDown(Level.Invocation)
  public void closeDatabase() {
    db.close();
    if (runtimes != shared) {
      runtimes.close();
    }
    BasePath.deleteRecursively(base);
  }

  @TearDown(Level.Trial)
  public void report() {
    if (shared != null) {
      shared.close();
    }
    BasePath.deleteRecursively(work);
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        "%n[import %s %s] peak heap (sum of heap pools' peaks): %d MiB%n",
        method, cache, peak / (1024 * 1024));
  }

  /** Westend #1..#128 from {@code blocks/westend-1-128.json}. */
  static List<SignedBlock> westendBlocks() {
    Path file = BenchmarkData.fixtures().resolve("blocks/westend-1-128.json");
    try {
      List<SignedBlock> out = new ArrayList<>();
      for (JsonNode b : new ObjectMapper().readTree(file.toFile()).get("blocks")) {
        Header header = Header.CODEC.decode(Bytes.fromHex(b.get("header").asText()));
        List<Bytes> extrinsics = new ArrayList<>();
        for (JsonNode e : b.get("extrinsics")) {
          ScaleReader r = new ScaleReader(Bytes.fromHex(e.asText()));
          extrinsics.add(r.readByteVec());
        }
        out.add(SignedBlock.of(new Block(header, extrinsics)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
