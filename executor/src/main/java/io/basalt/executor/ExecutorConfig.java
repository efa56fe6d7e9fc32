/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import io.basalt.executor.vm.WasmExecutionMethod;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Executor settings.
 *
 * @param method compiled (default) or interpreted Wasm ({@code --wasm-execution})
 * @param compilationCache directory for compiled runtimes kept across restarts (compiled mode)
 * @param runtimeCacheSize runtimes kept in memory, by code hash ({@code --runtime-cache-size};
 *     Substrate's default is 2)
 * @param stackSizeBytes JVM stack of the threads that run Wasm; compiled Wasm recurses on it
 * @param tieredStart in compiled mode, whether a runtime that is neither in memory nor in the disk
 *     cache starts in the interpreter while it compiles in the background (default); off, its first
 *     call waits for the compilation
 */
public record ExecutorConfig(
    WasmExecutionMethod method,
    Optional<Path> compilationCache,
    int runtimeCacheSize,
    long stackSizeBytes,
    boolean tieredStart) {
  /** Default JVM stack for Wasm threads: 512 MiB (reserved lazily by the OS). */
  public static final long DEFAULT_STACK_SIZE = 512L * 1024 * 1024;

  /** Runtimes kept in memory by default: 2, as Substrate's {@code --runtime-cache-size}. */
  public static final int DEFAULT_RUNTIME_CACHE_SIZE = 2;

  public ExecutorConfig {
    if (runtimeCacheSize < 1) {
      throw new IllegalArgumentException(
          "runtime cache size must be at least 1, got " + runtimeCacheSize);
    }
    if (stackSizeBytes < 1024 * 1024) {
      throw new IllegalArgumentException(
          "Wasm thread stack must be at least 1 MiB, got " + stackSizeBytes);
    }
  }

  /** Settings with the tiered start on. */
  public ExecutorConfig(
      WasmExecutionMethod method,
      Optional<Path> compilationCache,
      int runtimeCacheSize,
      long stackSizeBytes) {
    this(method, compilationCache, runtimeCacheSize, stackSizeBytes, true);
  }

  /** Compiled Wasm with the tiered start, no disk cache, 2 runtimes in memory, 512 MiB stacks. */
  public static ExecutorConfig defaults() {
    return new ExecutorConfig(
        WasmExecutionMethod.COMPILED,
        Optional.empty(),
        DEFAULT_RUNTIME_CACHE_SIZE,
        DEFAULT_STACK_SIZE,
        true);
  }

  public ExecutorConfig withMethod(WasmExecutionMethod m) {
    return new ExecutorConfig(m, compilationCache, runtimeCacheSize, stackSizeBytes, tieredStart);
  }

  public ExecutorConfig withCompilationCache(Path directory) {
    return new ExecutorConfig(
        method, Optional.of(directory), runtimeCacheSize, stackSizeBytes, tieredStart);
  }

  /** {@code --runtime-cache-size}. */
  public ExecutorConfig withRuntimeCacheSize(int size) {
    return new ExecutorConfig(method, compilationCache, size, stackSizeBytes, tieredStart);
  }

  /** Turns the tiered start on or off (benchmarks and tests compare both). */
  public ExecutorConfig withTieredStart(boolean on) {
    return new ExecutorConfig(method, compilationCache, runtimeCacheSize, stackSizeBytes, on);
  }
}
