/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import io.basalt.executor.vm.CompiledRuntime;
import io.basalt.executor.vm.ImportCatalogue;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.WasmEngine;
import io.basalt.executor.vm.WasmExecutionMethod;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a runtime that is not in memory ready to run. In compiled mode with the tiered start, a
 * runtime whose compiled code is not in the disk cache is first prepared for the interpreter (a
 * parse and validation: quick), so its first calls need not wait for the compiler; the compilation
 * runs in the background once a call asks for it ({@link #startCompiling}) and calls switch to the
 * compiled code when it is ready. Otherwise the engine prepares the runtime directly: compiles it,
 * loads it from the disk cache, or parses it for the interpreter.
 */
final class RuntimePreparer {
  private static final Logger LOG = LoggerFactory.getLogger("executor");

  /**
   * Heap a background compilation may need per byte of Wasm code, beside the interpreter's form of
   * the same runtime: the fixture runtimes compile in 55–70 times their code size, and the
   * interpreter holds about 40 times it (benchmarks/README.md, Memory). With less heap the runtime
   * is not compiled in the background: a compilation running out of heap beside calls running in
   * the interpreter could take those calls down with it.
   */
  static final long COMPILE_HEAP_PER_CODE_BYTE = 110;

  private final WasmEngine engine;
  private final Optional<WasmEngine> interpreter;
  private final ImportCatalogue imports;
  private final RuntimePreparationListener listener;
  private final Executor background;
  private final Object compilationsLock = new Object();
  private int compilations;

  /**
   * @param engine the configured engine
   * @param interpreter the interpreter for tiered starts; empty: no tiered start
   * @param imports the host functions
   * @param listener hears each form a runtime becomes ready in
   * @param background runs compilations (on threads with a large stack: the compiler recurses)
   */
  RuntimePreparer(
      WasmEngine engine,
      Optional<WasmEngine> interpreter,
      ImportCatalogue imports,
      RuntimePreparationListener listener,
      Executor background) {
    this.engine = engine;
    this.interpreter = interpreter.filter(i -> engine.method() == WasmExecutionMethod.COMPILED);
    this.imports = imports;
    this.listener = listener;
    this.background = background;
  }

  /**
   * Prepares a runtime: a {@link TieredRuntime} running in the interpreter for a tiered start, else
   * the engine's own result.
   *
   * @throws io.basalt.executor.vm.InvalidRuntimeCodeException if the code cannot be used
   */
  CompiledRuntime prepare(RuntimeBlob blob) {
    boolean onDisk = engine.hasCompiledOnDisk(blob);
    if (interpreter.isPresent() && !onDisk) {
      long start = System.nanoTime();
      CompiledRuntime quick = interpreter.get().compile(blob, imports);
      report(blob, RuntimePreparation.Stage.INTERPRETER, start);
      LOG.debug(
          "runtime {} is not compiled yet: it runs in the interpreter until it is",
          blob.codeHash());
      return new TieredRuntime(quick);
    }
    long start = System.nanoTime();
    CompiledRuntime runtime = engine.compile(blob, imports);
    report(
        blob,
        engine.method() == WasmExecutionMethod.INTERPRETED
            ? RuntimePreparation.Stage.INTERPRETER
            : onDisk ? RuntimePreparation.Stage.DISK_CACHE : RuntimePreparation.Stage.COMPILED,
        start);
    return runtime;
  }

  /** Starts compiling a tiered runtime in the background, unless that has begun already. */
  void startCompiling(TieredRuntime runtime, RuntimeBlob blob) {
    if (!runtime.claimCompilation()) {
      return;
    }
    long maxHeap = Runtime.getRuntime().maxMemory();
    if (maxHeap / COMPILE_HEAP_PER_CODE_BYTE < blob.wasm().length()) {
      LOG.warn(
          "runtime {}: not enough heap to compile it (max heap {} MiB); it runs in the interpreter",
          blob.codeHash(),
          maxHeap >> 20);
      runtime.keepInterpreting(new IllegalStateException("not enough heap to compile the runtime"));
      return;
    }
    synchronized (compilationsLock) {
      compilations++;
    }
    try {
      background.execute(
          () -> {
            try {
              compile(runtime, blob);
            } finally {
              compilationEnded();
            }
          });
    } catch (RejectedExecutionException e) {
      compilationEnded();
      runtime.keepInterpreting(e); // the executor is closing
    }
  }

  private void compilationEnded() {
    synchronized (compilationsLock) {
      compilations--;
      compilationsLock.notifyAll();
    }
  }

  /**
   * Waits up to {@code timeout} for the background compilations under way, so none writes the disk
   * cache after its owner closed (a test's temporary directory, a node shutting down). Compilations
   * cannot be interrupted; one still running after the timeout finishes on its own.
   */
  void awaitCompilations(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (compilationsLock) {
      while (compilations > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          LOG.debug("closing while {} runtime(s) still compile", compilations);
          return;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(compilationsLock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void compile(TieredRuntime runtime, RuntimeBlob blob) {
    long start = System.nanoTime();
    CompiledRuntime compiled;
    try {
      compiled = engine.compile(blob, imports);
    } catch (RuntimeException | Error e) {
      LOG.warn(
          "runtime {} cannot be compiled ({}); it keeps running in the interpreter",
          blob.codeHash(),
          e.toString());
      runtime.keepInterpreting(e);
      return;
    }
    // Listeners hear of it before whenCompiled completes, so a caller waiting on that sees both.
    report(blob, RuntimePreparation.Stage.COMPILED, start);
    runtime.promote(compiled);
    LOG.debug(
        "runtime {} compiled in {} ms; calls now run compiled",
        blob.codeHash(),
        (System.nanoTime() - start) / 1_000_000);
  }

  private void report(RuntimeBlob blob, RuntimePreparation.Stage stage, long startNanos) {
    listener.prepared(
        new RuntimePreparation(
            blob.codeHash(), stage, Duration.ofNanos(System.nanoTime() - startNanos)));
  }
}
