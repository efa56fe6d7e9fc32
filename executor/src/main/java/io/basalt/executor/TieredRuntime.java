/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import io.basalt.executor.vm.CompiledRuntime;
import io.basalt.executor.vm.HostCallDispatcher;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.executor.vm.WasmInstance;
import io.basalt.primitives.bytes.Hash256;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A runtime that runs in the interpreter until its compiled form is ready, then compiled: each
 * {@link #instantiate} uses whichever form is current, so calls already running finish where they
 * started and the next ones switch.
 */
final class TieredRuntime implements CompiledRuntime {
  private final CompiledRuntime interpreted;
  private final CompletableFuture<CompiledRuntime> compiled = new CompletableFuture<>();
  private final AtomicBoolean compiling = new AtomicBoolean();
  private volatile CompiledRuntime current;

  TieredRuntime(CompiledRuntime interpreted) {
    this.interpreted = interpreted;
    this.current = interpreted;
  }

  /** Whether this call is the first to ask for compilation (which the caller then starts). */
  boolean claimCompilation() {
    return compiling.compareAndSet(false, true);
  }

  /** Whether a compilation was claimed. */
  boolean compilationClaimed() {
    return compiling.get();
  }

  /** Calls from now on run {@code runtime}. */
  void promote(CompiledRuntime runtime) {
    current = runtime;
    compiled.complete(runtime);
  }

  /** Compilation failed: calls keep running in the interpreter. */
  void keepInterpreting(Throwable failure) {
    compiled.completeExceptionally(failure);
  }

  /** Completes with the compiled form once calls run it. */
  CompletableFuture<CompiledRuntime> compiled() {
    return compiled;
  }

  /** The interpreter form this runtime started with. */
  CompiledRuntime interpreted() {
    return interpreted;
  }

  @Override
  public Hash256 codeHash() {
    return interpreted.codeHash();
  }

  @Override
  public WasmExecutionMethod method() {
    return current.method();
  }

  @Override
  public List<String> missingImports() {
    return current.missingImports();
  }

  @Override
  public List<Integer> interpretedFunctions() {
    return current.interpretedFunctions();
  }

  @Override
  public WasmInstance instantiate(
      long extraHeapPages, HostCallDispatcher dispatcher, boolean allowMissingImports) {
    return current.instantiate(extraHeapPages, dispatcher, allowMissingImports);
  }
}
