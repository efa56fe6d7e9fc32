/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.config;

import io.basalt.executor.strategy.ExecutionContext;
import io.basalt.executor.strategy.ExecutionStrategies;
import io.basalt.executor.strategy.ExecutionStrategy;
import io.basalt.executor.vm.WasmExecutionMethod;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How blocks are executed and imported.
 *
 * @param wasmExecution compiled (default) or interpreted Wasm ({@code --wasm-execution})
 * @param offchainIndexing whether {@code ext_offchain_index_*} writes are persisted ({@code
 *     --enable-offchain-indexing}, default false)
 * @param wasmCacheDir where compiled runtimes are kept across restarts; empty: {@code
 *     <base>/wasm-cache}
 * @param executionStrategies the strategies given on the command line ({@code --execution-*} or
 *     {@code --execution}); the other contexts take the defaults
 * @param wasmRuntimeOverrides the {@code --wasm-runtime-overrides} directory, if any
 * @param runtimeCacheSize compiled runtimes kept in memory ({@code --runtime-cache-size})
 */
public record ImportConfig(
    WasmExecutionMethod wasmExecution,
    boolean offchainIndexing,
    Optional<Path> wasmCacheDir,
    Map<ExecutionContext, ExecutionStrategy> executionStrategies,
    Optional<Path> wasmRuntimeOverrides,
    int runtimeCacheSize) {
  /** Substrate's default {@code --runtime-cache-size}. */
  public static final int DEFAULT_RUNTIME_CACHE_SIZE = 2;

  public ImportConfig {
    EnumMap<ExecutionContext, ExecutionStrategy> copy = new EnumMap<>(ExecutionContext.class);
    copy.putAll(executionStrategies);
    executionStrategies = Collections.unmodifiableMap(copy);
    if (runtimeCacheSize < 1) {
      throw new InvalidConfigurationException(
          "--runtime-cache-size must be at least 1, got " + runtimeCacheSize);
    }
  }

  /** Compiled Wasm, no indexing, the cache under the base path, default strategies. */
  public static ImportConfig defaults() {
    return new ImportConfig(
        WasmExecutionMethod.COMPILED,
        false,
        Optional.empty(),
        Map.of(),
        Optional.empty(),
        DEFAULT_RUNTIME_CACHE_SIZE);
  }

  /** The compilation cache directory for a base path. */
  public Path wasmCacheDir(BasePath base) {
    return wasmCacheDir.orElseGet(() -> base.root().resolve("wasm-cache"));
  }

  /**
   * The strategy of every context: the given ones, and Substrate's defaults for the others (import
   * always in Wasm on a validator).
   */
  public ExecutionStrategies strategies(boolean validator) {
    ExecutionStrategies strategies = ExecutionStrategies.defaults(validator);
    for (Map.Entry<ExecutionContext, ExecutionStrategy> e : executionStrategies.entrySet()) {
      strategies = strategies.with(e.getKey(), e.getValue());
    }
    return strategies;
  }
}
