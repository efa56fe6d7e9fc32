/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.host.HostFunctionRegistry;
import io.basalt.executor.vm.CompiledRuntime;
import io.basalt.executor.vm.HostCallDispatcher;
import io.basalt.executor.vm.ImportCatalogue;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.WasmEngine;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.executor.vm.WasmInstance;
import io.basalt.executor.vm.chicory.ChicoryWasmEngine;
import io.basalt.primitives.bytes.Hash256;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tiered start: a runtime that is neither in memory nor in the disk cache serves its first
 * calls from the interpreter while it compiles in the background, then calls run compiled and the
 * compiled code is in the disk cache; a disk-cache hit runs compiled at once. No timing is
 * asserted: a compiler held at a latch shows that the first call did not wait for it.
 */
class TieredStartTest {
  /** Core_version-like: returns the 4 bytes "tier". */
  private static final RuntimeBlob BLOB =
      WatProbes.module(
          """
          (memory (export "memory") 1)
          (data (i32.const 16) "tier")
          (func (export "Test_call") (param i32 i32) (result i64) (i64.const 0x0000000400000010))
          """);

  private static final byte[] TIER = {'t', 'i', 'e', 'r'};

  /** An engine that counts compilations and the instances made from what it compiled. */
  private static class CountingEngine implements WasmEngine {
    final WasmEngine engine;
    final AtomicInteger compilations = new AtomicInteger();
    final AtomicInteger instances = new AtomicInteger();

    CountingEngine(WasmEngine engine) {
      this.engine = engine;
    }

    @Override
    public WasmExecutionMethod method() {
      return engine.method();
    }

    @Override
    public boolean hasCompiledOnDisk(RuntimeBlob blob) {
      return engine.hasCompiledOnDisk(blob);
    }

    @Override
    public CompiledRuntime compile(RuntimeBlob blob, ImportCatalogue imports) {
      compilations.incrementAndGet();
      CompiledRuntime runtime = engine.compile(blob, imports);
      return new CompiledRuntime() {
        @Override
        public Hash256 codeHash() {
          return runtime.codeHash();
        }

        @Override
        public WasmExecutionMethod method() {
          return runtime.method();
        }

        @Override
        public List<String> missingImports() {
          return runtime.missingImports();
        }

        @Override
        public List<Integer> interpretedFunctions() {
          return runtime.interpretedFunctions();
        }

        @Override
        public WasmInstance instantiate(
            long extraHeapPages, HostCallDispatcher dispatcher, boolean allowMissingImports) {
          instances.incrementAndGet();
          return runtime.instantiate(extraHeapPages, dispatcher, allowMissingImports);
        }
      };
    }
  }

  /** A compiler that waits at a latch before compiling. */
  private static final class GatedCompiler extends CountingEngine {
    final CountDownLatch gate = new CountDownLatch(1);

    GatedCompiler(Optional<Path> cache) {
      super(new ChicoryWasmEngine(WasmExecutionMethod.COMPILED, cache));
    }

    @Override
    public CompiledRuntime compile(RuntimeBlob blob, ImportCatalogue imports) {
      try {
        if (!gate.await(60, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never opened the gate");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return super.compile(blob, imports);
    }
  }

  private static CountingEngine interpreter() {
    return new CountingEngine(
        new ChicoryWasmEngine(WasmExecutionMethod.INTERPRETED, Optional.empty()));
  }

  private static RuntimeExecutor executor(
      WasmEngine compiler,
      CountingEngine interpreter,
      ExecutorConfig config,
      RuntimePreparationListener listener) {
    return new RuntimeExecutor(
        compiler,
        Optional.of(interpreter),
        HostFunctionRegistry.standard(),
        HostServices.standard(),
        config,
        listener);
  }

  private static final class Events implements RuntimePreparationListener {
    final List<RuntimePreparation.Stage> stages = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void prepared(RuntimePreparation event) {
      assertThat(event.codeHash()).isEqualTo(BLOB.codeHash());
      assertThat(event.duration().isNegative()).isFalse();
      stages.add(event.stage());
    }
  }

  private static byte[] call(RuntimeExecutor executor) {
    return executor.call(BLOB, "Test_call", new byte[0], WatProbes.ext());
  }

  @Test
  void firstCallsRunInTheInterpreterWhileTheRuntimeCompilesThenCallsRunCompiled(@TempDir Path cache)
      throws Exception {
    GatedCompiler compiler = new GatedCompiler(Optional.of(cache));
    CountingEngine interpreter = interpreter();
    Events events = new Events();
    try (RuntimeExecutor executor =
        executor(
            compiler, interpreter, ExecutorConfig.defaults().withCompilationCache(cache), events)) {
      try {
        // The compiler is held at its gate: these calls cannot have waited for it.
        assertThat(call(executor)).isEqualTo(TIER);
        assertThat(call(executor)).isEqualTo(TIER);
        assertThat(executor.prepare(BLOB).method()).isEqualTo(WasmExecutionMethod.INTERPRETED);
        assertThat(executor.whenCompiled(BLOB)).isNotDone();
      } finally {
        compiler.gate.countDown();
      }
      executor.whenCompiled(BLOB).get(60, TimeUnit.SECONDS);

      assertThat(executor.prepare(BLOB).method()).isEqualTo(WasmExecutionMethod.COMPILED);
      assertThat(call(executor)).isEqualTo(TIER);
      assertThat(interpreter.instances.get()).as("calls before the switch").isEqualTo(2);
      assertThat(compiler.instances.get()).as("calls after it").isEqualTo(1);
      assertThat(compiler.compilations.get()).isEqualTo(1);
      assertThat(events.stages)
          .containsExactly(RuntimePreparation.Stage.INTERPRETER, RuntimePreparation.Stage.COMPILED);
    }
    assertThat(new ChicoryWasmEngine(WasmExecutionMethod.COMPILED, Optional.of(cache)))
        .as("the background compilation filled the disk cache")
        .satisfies(engine -> assertThat(engine.hasCompiledOnDisk(BLOB)).isTrue());

    // A restarted node: the disk cache has the runtime, so it runs compiled from the first call.
    CountingEngine unused = interpreter();
    Events restarted = new Events();
    CountingEngine loader =
        new CountingEngine(new ChicoryWasmEngine(WasmExecutionMethod.COMPILED, Optional.of(cache)));
    try (RuntimeExecutor executor =
        executor(
            loader, unused, ExecutorConfig.defaults().withCompilationCache(cache), restarted)) {
      assertThat(call(executor)).isEqualTo(TIER);
      assertThat(executor.prepare(BLOB).method()).isEqualTo(WasmExecutionMethod.COMPILED);
      assertThat(executor.whenCompiled(BLOB)).isDone();
      assertThat(unused.compilations.get()).isZero();
      assertThat(restarted.stages).containsExactly(RuntimePreparation.Stage.DISK_CACHE);
    }
  }

  @Test
  void closingWaitsForTheBackgroundCompilationSoItWritesNoCacheAfterwards(@TempDir Path cache) {
    GatedCompiler compiler = new GatedCompiler(Optional.of(cache));
    Events events = new Events();
    RuntimeExecutor executor =
        executor(
            compiler, interpreter(), ExecutorConfig.defaults().withCompilationCache(cache), events);
    call(executor);
    compiler.gate.countDown();
    executor.close();
    assertThat(events.stages)
        .containsExactly(RuntimePreparation.Stage.INTERPRETER, RuntimePreparation.Stage.COMPILED);
  }

  @Test
  void withoutTheTieredStartTheFirstCallWaitsForTheCompiler() {
    CountingEngine compiler =
        new CountingEngine(new ChicoryWasmEngine(WasmExecutionMethod.COMPILED, Optional.empty()));
    CountingEngine interpreter = interpreter();
    Events events = new Events();
    try (RuntimeExecutor executor =
        executor(compiler, interpreter, ExecutorConfig.defaults().withTieredStart(false), events)) {
      assertThat(call(executor)).isEqualTo(TIER);
      assertThat(executor.prepare(BLOB).method()).isEqualTo(WasmExecutionMethod.COMPILED);
      assertThat(interpreter.compilations.get()).isZero();
      assertThat(events.stages).containsExactly(RuntimePreparation.Stage.COMPILED);
    }
  }

  @Test
  void interpretedModeNeverCompiles() {
    CountingEngine engine = interpreter();
    CountingEngine tier = interpreter();
    Events events = new Events();
    try (RuntimeExecutor executor =
        executor(
            engine,
            tier,
            ExecutorConfig.defaults().withMethod(WasmExecutionMethod.INTERPRETED),
            events)) {
      assertThat(call(executor)).isEqualTo(TIER);
      assertThat(call(executor)).isEqualTo(TIER);
      assertThat(executor.whenCompiled(BLOB)).isDone();
      assertThat(engine.compilations.get()).isEqualTo(1);
      assertThat(tier.compilations.get()).isZero();
      assertThat(events.stages).containsExactly(RuntimePreparation.Stage.INTERPRETER);
    }
  }

  @Test
  void readingAVersionDoesNotStartACompilationTheFirstCallDoes() throws Exception {
    // No version sections: version() runs Core_version.
    RuntimeBlob noSections =
        WatProbes.module(
            """
            (memory (export "memory") 1)
            (data (i32.const 16) "\\14tiers\\14tiers\\01\\00\\00\\00\\07\\00\\00\\00\\01\\00\\00\\00\\00")
            (func (export "Core_version") (param i32 i32) (result i64)
              (i64.const 0x0000001900000010))
            """);
    GatedCompiler compiler = new GatedCompiler(Optional.empty());
    CountingEngine interpreter = interpreter();
    try (RuntimeExecutor executor =
        executor(
            compiler, interpreter, ExecutorConfig.defaults(), RuntimePreparationListener.NONE)) {
      try {
        assertThat(executor.version(noSections).specVersion()).isEqualTo(7);
        assertThat(interpreter.instances.get()).isEqualTo(1);
        assertThat(compiler.compilations.get()).as("not even waiting at the gate").isZero();
        assertThat(executor.whenCompiled(noSections)).as("nothing to wait for").isDone();
        executor.call(noSections, "Core_version", new byte[0], WatProbes.ext());
      } finally {
        compiler.gate.countDown();
      }
      executor.whenCompiled(noSections).get(60, TimeUnit.SECONDS);
      assertThat(compiler.compilations.get()).isEqualTo(1);
    }
  }

  @Test
  void aRuntimeTheCompilerRejectsKeepsRunningInTheInterpreter() {
    WasmEngine failing =
        new CountingEngine(new ChicoryWasmEngine(WasmExecutionMethod.COMPILED, Optional.empty())) {
          @Override
          public CompiledRuntime compile(RuntimeBlob blob, ImportCatalogue imports) {
            throw new InvalidRuntimeCodeException("cannot compile runtime: too large");
          }
        };
    try (CapturedLogs logs = CapturedLogs.of("executor", Level.WARN);
        RuntimeExecutor executor =
            executor(
                failing,
                interpreter(),
                ExecutorConfig.defaults(),
                RuntimePreparationListener.NONE)) {
      assertThat(call(executor)).isEqualTo(TIER);
      assertThatThrownBy(() -> executor.whenCompiled(BLOB).join())
          .isInstanceOf(CompletionException.class)
          .hasRootCauseMessage("cannot compile runtime: too large");
      assertThat(call(executor)).isEqualTo(TIER);
      assertThat(executor.prepare(BLOB).method()).isEqualTo(WasmExecutionMethod.INTERPRETED);
      assertThat(logs.lines())
          .containsExactly(
              "WARN runtime "
                  + BLOB.codeHash()
                  + " cannot be compiled (io.basalt.executor.vm.InvalidRuntimeCodeException:"
                  + " cannot compile runtime: too large); it keeps running in the interpreter");
    }
  }

  @Test
  void theRuntimeCacheKeepsTwoRuntimesByDefaultAsSubstrate() {
    assertThat(ExecutorConfig.defaults().runtimeCacheSize()).isEqualTo(2);
    CountingEngine engine = interpreter();
    List<RuntimeBlob> blobs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      blobs.add(
          WatProbes.module("(memory (export \"memory\") 1)\n(func (export \"Test_" + i + "\"))"));
    }
    try (RuntimeExecutor executor =
        executor(
            engine,
            interpreter(),
            ExecutorConfig.defaults().withMethod(WasmExecutionMethod.INTERPRETED),
            RuntimePreparationListener.NONE)) {
      executor.prepare(blobs.get(0));
      executor.prepare(blobs.get(1));
      executor.prepare(blobs.get(0)); // most recently used: 1, then 0
      executor.prepare(blobs.get(2)); // evicts 1
      assertThat(engine.compilations.get()).isEqualTo(3);
      executor.prepare(blobs.get(0));
      executor.prepare(blobs.get(2));
      assertThat(engine.compilations.get()).as("0 and 2 stayed").isEqualTo(3);
      executor.prepare(blobs.get(1));
      assertThat(engine.compilations.get()).as("1 was evicted").isEqualTo(4);
    }
  }
}
