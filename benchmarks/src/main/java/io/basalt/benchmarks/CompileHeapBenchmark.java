/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.benchmarks;

import io.basalt.executor.ExecutorConfig;
import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.vm.CompiledRuntime;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.WasmExecutionMethod;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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
 * The heap a runtime's compilation needs, per fixture runtime: each invocation parses and compiles
 * the runtime (no disk cache) in a new executor and prints the heap's peak during the compilation
 * (sum of the heap pools' peaks, reset after a full GC, so garbage is counted until collected) and
 * what the compiled runtime keeps. With {@code -jvmArgsAppend -XmxN} it also tells whether N is
 * enough: a compilation that falls back to the interpreter fails the run.
 *
 * <p>{@code bin/bench CompileHeap}; one runtime and heap: {@code bin/bench CompileHeap -p
 * runtime=spec:westend.json -jvmArgsAppend -Xmx72m}.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@BenchmarkMode(Mode.SingleShotTime)
@Warmup(iterations = 0)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class CompileHeapBenchmark {
  private static final long MIB = 1024 * 1024;

  /** The runtime under test and the heap measurements of one invocation. */
  @State(Scope.Thread)
  public static class Compilation {
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

    byte[] code;
    RuntimeExecutor executor;
    CompiledRuntime compiled;
    long before;

    @Setup(Level.Trial)
    public void load() throws IOException {
      code = CoreVersionBenchmark.fixtureCode(runtime);
    }

    @Setup(Level.Invocation)
    public void open() {
      executor =
          new RuntimeExecutor(
              ExecutorConfig.defaults().withMethod(WasmExecutionMethod.COMPILED),
              HostServices.standard());
      System.gc();
      before = used();
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    @TearDown(Level.Invocation)
    public void report() {
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      System.gc();
      long kept = used() - before;
      executor.close();
      System.out.printf(
          "%n[compile %s] peak heap %d MiB (%d MiB in use before), the compiled runtime keeps %d"
              + " MiB; max heap %d MiB%n",
          runtime, peak / MIB, before / MIB, kept / MIB, Runtime.getRuntime().maxMemory() / MIB);
      if (compiled.method() != WasmExecutionMethod.COMPILED) {
        throw new IllegalStateException(
            "the compilation ran out of heap and fell back to the interpreter");
      }
      compiled = null;
    }

    private static long used() {
      long used = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          used += pool.getUsage().getUsed();
        }
      }
      return used;
    }
  }

  @Benchmark
  public CompiledRuntime compile(Compilation c) {
    c.compiled = c.executor.prepare(RuntimeBlob.parse(c.code));
    return c.compiled;
  }
}
