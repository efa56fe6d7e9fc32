/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.runtime;

import io.basalt.executor.ExecutorConfig;
import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.api.NativeRuntime;
import io.basalt.executor.code.RuntimeBlobCache;
import io.basalt.executor.code.RuntimeCode;
import io.basalt.executor.state.StateBackend;
import io.basalt.executor.strategy.CallExecutor;
import io.basalt.executor.strategy.ExecutionObserver;
import io.basalt.executor.strategy.ExecutionStrategies;
import io.basalt.executor.strategy.ExecutionStrategy;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.ImportConfig;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.runtime.demo.BasaltDemoNativeRuntime;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The node's runtime execution: one {@link RuntimeExecutor} configured from the command line
 * ({@code --wasm-execution}, the compilation cache under the base path) with the node's host
 * services, and the parsed runtime blobs, cached by code hash so that importing block after block
 * with the same {@code :code} neither decompresses nor rehashes it.
 *
 * <p>Host services: the storage trie backs {@code ext_trie_*}; signatures are verified by Basalt's
 * own crypto. Block import gets no keystore (as in Substrate, runtimes cannot use node keys while
 * importing); authoring and offchain workers add one.
 *
 * <pre>{@code
 * try (Runtimes runtimes = Runtimes.create(WasmExecutionMethod.COMPILED, Optional.of(cacheDir))) {
 *   RuntimeBlob blob = runtimes.blob(code);
 *   RuntimeVersion version = runtimes.version(blob);
 * }
 * }</pre>
 */
public final class Runtimes implements AutoCloseable {
  private final RuntimeExecutor executor;
  private final CallExecutor calls;
  private final RuntimeBlobCache blobs = new RuntimeBlobCache();

  private Runtimes(RuntimeExecutor executor, CallExecutor calls) {
    this.executor = executor;
    this.calls = calls;
  }

  /**
   * Runtimes executed with the given method, compiled classes cached in {@code cacheDir}.
   *
   * @param cacheDir the disk compilation cache (compiled mode); empty: none
   */
  public static Runtimes create(WasmExecutionMethod method, Optional<Path> cacheDir) {
    return create(method, cacheDir, services());
  }

  /** Runtimes with explicit host services (tests, tools); Wasm only. */
  public static Runtimes create(
      WasmExecutionMethod method, Optional<Path> cacheDir, HostServices services) {
    ExecutorConfig config = ExecutorConfig.defaults().withMethod(method);
    if (cacheDir.isPresent()) {
      config = config.withCompilationCache(cacheDir.get());
    }
    return create(
        config,
        services,
        Optional.empty(),
        ExecutionStrategies.all(ExecutionStrategy.ALWAYS_WASM),
        ExecutionObserver.NONE);
  }

  /**
   * The node's runtimes: Wasm on an executor with {@code config}, and the native runtime where the
   * execution strategies allow it.
   */
  public static Runtimes create(
      ExecutorConfig config,
      HostServices services,
      Optional<NativeRuntime> nativeRuntime,
      ExecutionStrategies strategies,
      ExecutionObserver observer) {
    RuntimeExecutor executor = new RuntimeExecutor(config, services);
    return new Runtimes(executor, new CallExecutor(executor, nativeRuntime, strategies, observer));
  }

  /**
   * The node's runtimes as configured: Wasm as {@code --wasm-execution} says, with the compilation
   * cache under the base path, and the demo runtime's Java implementation (spec 100) as the native
   * runtime wherever the execution strategies and {@code can_call_with} allow it.
   *
   * @param validator whether the node is an authority (block import then defaults to Wasm)
   */
  public static Runtimes forNode(
      ImportConfig config, BasePath base, boolean validator, ExecutionObserver observer) {
    ExecutorConfig executorConfig =
        new ExecutorConfig(
            config.wasmExecution(),
            Optional.of(config.wasmCacheDir(base)),
            config.runtimeCacheSize(),
            ExecutorConfig.DEFAULT_STACK_SIZE);
    return create(
        executorConfig,
        services(),
        Optional.of(BasaltDemoNativeRuntime.v100()),
        config.strategies(validator),
        observer);
  }

  /** The host services the node provides to runtimes. */
  public static HostServices services() {
    return HostServices.standard();
  }

  public RuntimeExecutor executor() {
    return executor;
  }

  /** Runtime calls with the configured execution strategies. */
  public CallExecutor calls() {
    return calls;
  }

  /**
   * The runtime that runs calls on a state: its {@code :code}, parsed and versioned.
   *
   * @param blockNumber the number of the block whose state it is
   * @throws InvalidRuntimeCodeException if the state has no {@code :code} or it is not usable
   * @throws io.basalt.executor.vm.RuntimeTrapException if {@code Core_version} traps
   */
  public RuntimeCode codeAt(StateBackend state, long blockNumber) {
    Bytes code =
        state
            .get(WellKnownKeys.CODE)
            .orElseThrow(() -> new InvalidRuntimeCodeException("`:code` is missing"));
    RuntimeBlob blob = blob(code);
    return RuntimeCode.onChain(blob, version(blob));
  }

  /**
   * The parsed runtime for a {@code :code} value: cached, so a value seen recently costs one
   * comparison.
   *
   * @throws InvalidRuntimeCodeException if the code is not usable (not Wasm, a compression bomb…)
   */
  public RuntimeBlob blob(Bytes code) {
    return blobs.blob(code);
  }

  /**
   * The runtime's version: embedded, or from {@code Core_version} (cached per code hash).
   *
   * @throws InvalidRuntimeCodeException if the runtime cannot report a version
   * @throws io.basalt.executor.vm.RuntimeTrapException if {@code Core_version} traps
   */
  public RuntimeVersion version(RuntimeBlob blob) {
    return executor.version(blob);
  }

  @Override
  public void close() {
    executor.close();
  }
}
