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
 * @param runtimeCacheSize compiled runtimes kept in memory ({@code --runtime-cache-size})
 * @param stackSizeBytes JVM stack of the threads that run Wasm; compiled Wasm recurses on it
 */
public record ExecutorConfig(
    WasmExecutionMethod method,
    Optional<Path> compilationCache,
    int runtimeCacheSize,
    long stackSizeBytes) {
  /** Default JVM stack for Wasm threads: 512 MiB (reserved lazily by the OS). */
  public static final long DEFAULT_STACK_SIZE = 512L * 1024 * 1024;

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

  /** Compiled Wasm, no disk cache, 4 runtimes in memory, 512 MiB stacks. */
  public static ExecutorConfig defaults() {
    return new ExecutorConfig(
        WasmExecutionMethod.COMPILED, Optional.empty(), 4, DEFAULT_STACK_SIZE);
  }

  public ExecutorConfig withMethod(WasmExecutionMethod m) {
    return new ExecutorConfig(m, compilationCache, runtimeCacheSize, stackSizeBytes);
  }

  public ExecutorConfig withCompilationCache(Path directory) {
    return new ExecutorConfig(method, Optional.of(directory), runtimeCacheSize, stackSizeBytes);
  }
}
