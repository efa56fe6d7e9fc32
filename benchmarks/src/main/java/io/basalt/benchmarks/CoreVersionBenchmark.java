/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.benchmarks;

import io.basalt.chainspec.ChainSpecParser;
import io.basalt.chainspec.Genesis;
import io.basalt.executor.ExecutorConfig;
import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.StateBackend;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.config.BasePath;
import io.basalt.primitives.types.RuntimeVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code Core_version} latency per fixture runtime (milliseconds), for each way a runtime can start
 * ({@code start}): {@code tiered} (compiled mode with the tiered start, the node's default: the
 * interpreter serves calls while the runtime compiles in the background), {@code compiled}
 * (compiled mode, the first call waits for the compiler) and {@code interpreted} ({@code
 * --wasm-execution interpreted-i-know-what-i-do}).
 *
 * <ul>
 *   <li>{@code firstCall}: a new executor with an empty compilation cache: parse, compile (or
 *       prepare the interpreter), instantiate and call, as the first call after a runtime upgrade.
 *       A tiered start's background compilation is awaited after the measurement, before the next.
 *   <li>{@code firstCallFromDiskCache}: a new executor whose disk cache already holds the compiled
 *       runtime, as the first call of a restarted node (same as {@code firstCall} when
 *       interpreted).
 *   <li>{@code firstVersion}: the version of the runtime on a new executor: its custom sections
 *       when it has them (no Wasm runs), else {@code Core_version}; what Chopsticks' {@code
 *       get_runtime_version} does.
 *   <li>{@code warmCall}: one executor, runtime already prepared (and compiled): a fresh instance
 *       and the call.
 * </ul>
 *
 * <p>{@code runtime} names a fixture: {@code spec:FILE} is the {@code :code} of a chain spec under
 * {@code chainspecs/}, anything else a file under the fixtures folder. Run with {@code bin/bench
 * CoreVersion}; one runtime: {@code bin/bench CoreVersion -p runtime=wasm/sub2dev.wasm}. {@code
 * bin/bench-first-call} runs {@code firstCall} and Chopsticks' executor on the same runtimes in one
 * session and prints both.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Forks run as the node does. Chicory's Validator.validateFunction is 9,353 bytes of bytecode, over
// HotSpot's 8,000-byte limit, so it is never JIT-compiled and validating a new runtime (most of its
// first call) runs in the bytecode interpreter; compare with
// -jvmArgsAppend "--enable-native-access=ALL-UNNAMED -XX:-DontCompileHugeMethods".
@Fork(
    value = 1,
    jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class CoreVersionBenchmark {
  private static final byte[] NO_INPUT = new byte[0];

  /** The runtime under test and the execution method, shared by every benchmark here. */
  @State(Scope.Benchmark)
  public static class FixtureRuntime {
    @Param({
      "spec:kusama.json",
      "spec:westend.json",
      "spec:node-template-local.json",
      "spec:westend-dev.json",
      "spec:rococo-dev.json",
      "wasm/sub2dev.wasm",
      "wasm/polkadot-runtime-v9160.wasm.zstd",
      "wasm/westend-runtime-v9300.wasm"
    })
    public String runtime;

    @Param({"tiered", "compiled", "interpreted"})
    public String start;

    byte[] code;
    Path work;

    @Setup(Level.Trial)
    public void load() throws IOException {
      code = fixtureCode(runtime);
      work = Files.createTempDirectory("basalt-core-version-bench");
    }

    @TearDown(Level.Trial)
    public void delete() {
      BasePath.deleteRecursively(work);
    }

    RuntimeExecutor executor(Path cacheDir) {
      ExecutorConfig config =
          switch (start) {
            case "tiered" -> ExecutorConfig.defaults();
            case "compiled" -> ExecutorConfig.defaults().withTieredStart(false);
            case "interpreted" ->
                ExecutorConfig.defaults().withMethod(WasmExecutionMethod.INTERPRETED);
            default -> throw new IllegalArgumentException("unknown start " + start);
          };
      return new RuntimeExecutor(config.withCompilationCache(cacheDir), HostServices.standard());
    }

    /** Closes an executor once its background compilation (if any) is over. */
    void finish(RuntimeExecutor executor) {
      try {
        executor.whenCompiled(RuntimeBlob.parse(code)).join();
      } finally {
        executor.close();
      }
    }
  }

  /** A new executor and an empty compilation cache per invocation. */
  @State(Scope.Thread)
  public static class Cold {
    RuntimeExecutor executor;

    @Setup(Level.Invocation)
    public void open(FixtureRuntime runtime) throws IOException {
      executor = runtime.executor(Files.createTempDirectory(runtime.work, "empty-cache"));
    }

    @TearDown(Level.Invocation)
    public void close(FixtureRuntime runtime) {
      runtime.finish(executor);
    }
  }

  /** A new executor per invocation over a disk cache filled once per trial. */
  @State(Scope.Thread)
  public static class Restarted {
    Path cacheDir;
    RuntimeExecutor executor;

    @Setup(Level.Trial)
    public void fillCache(FixtureRuntime runtime) throws IOException {
      cacheDir = Files.createTempDirectory(runtime.work, "filled-cache");
      RuntimeExecutor first = runtime.executor(cacheDir);
      coreVersion(first, RuntimeBlob.parse(runtime.code));
      runtime.finish(first);
    }

    @Setup(Level.Invocation)
    public void open(FixtureRuntime runtime) {
      executor = runtime.executor(cacheDir);
    }

    @TearDown(Level.Invocation)
    public void close(FixtureRuntime runtime) {
      runtime.finish(executor);
    }
  }

  /** One executor for the trial, its runtime prepared by a first call. */
  @State(Scope.Thread)
  public static class Warm {
    RuntimeExecutor executor;
    RuntimeBlob blob;

    @Setup(Level.Trial)
    public void open(FixtureRuntime runtime) throws IOException {
      executor = runtime.executor(Files.createTempDirectory(runtime.work, "warm-cache"));
      blob = RuntimeBlob.parse(runtime.code);
      coreVersion(executor, blob);
      executor.whenCompiled(blob).join();
    }

    @TearDown(Level.Trial)
    public void close() {
      executor.close();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 5)
  public byte[] firstCall(FixtureRuntime runtime, Cold cold) {
    return coreVersion(cold.executor, RuntimeBlob.parse(runtime.code));
  }

  /**
   * The runtime's version on a new executor with an empty compilation cache: from its custom
   * sections when it has them, else by running {@code Core_version} (what Chopsticks' {@code
   * get_runtime_version} does).
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 5)
  public RuntimeVersion firstVersion(FixtureRuntime runtime, Cold cold) {
    return cold.executor.version(RuntimeBlob.parse(runtime.code));
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 5)
  public byte[] firstCallFromDiskCache(FixtureRuntime runtime, Restarted restarted) {
    return coreVersion(restarted.executor, RuntimeBlob.parse(runtime.code));
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public byte[] warmCall(Warm warm) {
    return coreVersion(warm.executor, warm.blob);
  }

  private static byte[] coreVersion(RuntimeExecutor executor, RuntimeBlob blob) {
    byte[] version =
        executor.call(
            blob,
            "Core_version",
            NO_INPUT,
            new OverlayedExternalities(new OverlayedChanges(), StateBackend.empty()));
    if (version.length == 0) {
      throw new IllegalStateException("Core_version returned nothing");
    }
    return version;
  }

  /** The runtime code a {@code runtime} parameter names. */
  static byte[] fixtureCode(String source) throws IOException {
    Path fixtures = BenchmarkData.fixtures();
    if (!source.startsWith("spec:")) {
      return Files.readAllBytes(fixtures.resolve(source));
    }
    Path spec = fixtures.resolve("chainspecs").resolve(source.substring("spec:".length()));
    if (!(ChainSpecParser.parse(spec).genesis() instanceof Genesis.Raw raw)) {
      throw new IllegalStateException(spec + " is not a raw chain spec");
    }
    return raw.code()
        .orElseThrow(() -> new IllegalStateException(spec + " has no :code"))
        .toArray();
  }
}
