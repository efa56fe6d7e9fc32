/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.runtime;

import io.basalt.executor.ExecutorConfig;
import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.RuntimePreparationListener;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.api.NativeRuntime;
import io.basalt.executor.code.CodeSubstitutes;
import io.basalt.executor.code.InvalidRuntimeCodeSourceException;
import io.basalt.executor.code.RuntimeCode;
import io.basalt.executor.code.RuntimeCodeResolver;
import io.basalt.executor.code.WasmOverrides;
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
import io.basalt.node.failure.UserFacingException;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.runtime.demo.BasaltDemoNativeRuntime;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The node's runtime execution: one {@link RuntimeExecutor} configured from the command line
 * ({@code --wasm-execution}, the compilation cache under the base path) with the node's host
 * services, and the one path by which every part of the node (import, authoring, RPC, offchain
 * workers, pool validation) learns which code runs on a state: {@link #codeAt}, through a {@link
 * RuntimeCodeResolver} (override from {@code --wasm-runtime-overrides} &gt; chain spec code
 * substitute &gt; {@code :code}). Parsed blobs are cached by code hash so that importing block
 * after block with the same {@code :code} neither decompresses nor rehashes it.
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
  private final RuntimeCodeResolver resolver;

  private Runtimes(RuntimeExecutor executor, CallExecutor calls, RuntimeCodeResolver resolver) {
    this.executor = executor;
    this.calls = calls;
    this.resolver = resolver;
  }

  /**
   * Where the code that runs comes from besides {@code :code}.
   *
   * @param overrides the {@code --wasm-runtime-overrides} directory, if any
   * @param substitutes the chain spec's {@code codeSubstitutes} (block number → code)
   */
  public record CodeSources(Optional<Path> overrides, Map<Long, Bytes> substitutes) {
    /** Only {@code :code}. */
    public static final CodeSources ON_CHAIN_ONLY = new CodeSources(Optional.empty(), Map.of());

    public CodeSources {
      substitutes = Map.copyOf(substitutes);
    }
  }

  /**
   * What the node hears from its runtimes.
   *
   * @param calls each call's executor and Both-mode divergences (metrics)
   * @param preparation runtimes becoming ready: interpreted, compiled, loaded (metrics)
   */
  public record Listeners(ExecutionObserver calls, RuntimePreparationListener preparation) {
    /** Hears nothing. */
    public static final Listeners NONE =
        new Listeners(ExecutionObserver.NONE, RuntimePreparationListener.NONE);
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
        CodeSources.ON_CHAIN_ONLY,
        Listeners.NONE);
  }

  /**
   * The node's runtimes: Wasm on an executor with {@code config}, the native runtime where the
   * execution strategies allow it, and the code resolved through {@code sources}.
   *
   * @throws UserFacingException (one line, wrapping the executor's {@link
   *     InvalidRuntimeCodeSourceException}) if an override directory is missing, an override or
   *     substitute is unusable, or two overrides have one spec version; nothing is left running
   */
  public static Runtimes create(
      ExecutorConfig config,
      HostServices services,
      Optional<NativeRuntime> nativeRuntime,
      ExecutionStrategies strategies,
      CodeSources sources,
      Listeners listeners) {
    RuntimeExecutor executor = new RuntimeExecutor(config, services, listeners.preparation());
    try {
      RuntimeCodeResolver resolver =
          new RuntimeCodeResolver(
              executor,
              sources.overrides().isPresent()
                  ? WasmOverrides.load(sources.overrides().get(), executor)
                  : WasmOverrides.none(),
              CodeSubstitutes.load(sources.substitutes(), executor));
      return new Runtimes(
          executor,
          new CallExecutor(executor, nativeRuntime, strategies, listeners.calls()),
          resolver);
    } catch (InvalidRuntimeCodeSourceException e) {
      executor.close();
      throw new UserFacingException(e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      executor.close();
      throw e;
    }
  }

  /**
   * The node's runtimes as configured: Wasm as {@code --wasm-execution} says, with the compilation
   * cache under the base path, the demo runtime's Java implementation (spec 100) as the native
   * runtime wherever the execution strategies and {@code can_call_with} allow it, and the code
   * resolved through {@code --wasm-runtime-overrides} and the chain spec's code substitutes.
   *
   * @param validator whether the node is an authority (block import then defaults to Wasm)
   * @param codeSubstitutes the chain spec's {@code codeSubstitutes}
   * @throws UserFacingException if an override or substitute is unusable; see {@link #create}
   */
  public static Runtimes forNode(
      ImportConfig config,
      BasePath base,
      boolean validator,
      Map<Long, Bytes> codeSubstitutes,
      Listeners listeners) {
    return forNode(
        config, base, validator, codeSubstitutes, BasaltDemoNativeRuntime.v100(), listeners);
  }

  /**
   * {@link #forNode(ImportConfig, BasePath, boolean, Map, Listeners)} with another native runtime.
   */
  public static Runtimes forNode(
      ImportConfig config,
      BasePath base,
      boolean validator,
      Map<Long, Bytes> codeSubstitutes,
      NativeRuntime nativeRuntime,
      Listeners listeners) {
    ExecutorConfig executorConfig =
        new ExecutorConfig(
            config.wasmExecution(),
            Optional.of(config.wasmCacheDir(base)),
            config.runtimeCacheSize(),
            ExecutorConfig.DEFAULT_STACK_SIZE);
    return create(
        executorConfig,
        services(),
        Optional.of(nativeRuntime),
        config.strategies(validator),
        new CodeSources(config.wasmRuntimeOverrides(), codeSubstitutes),
        listeners);
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
   * The runtime that runs calls on a state: an override for its {@code :code}'s spec version, else
   * a code substitute that applies at the block, else {@code :code} itself, parsed and versioned.
   *
   * @param blockNumber the number of the block whose state it is (when importing or building a
   *     block: its parent's, as Substrate picks code substitutes)
   * @throws InvalidRuntimeCodeException if the state has no {@code :code} or it is not usable
   * @throws io.basalt.executor.vm.RuntimeTrapException if {@code Core_version} traps
   */
  public RuntimeCode codeAt(StateBackend state, long blockNumber) {
    Bytes code =
        state
            .get(WellKnownKeys.CODE)
            .orElseThrow(() -> new InvalidRuntimeCodeException("`:code` is missing"));
    return code(code, blockNumber);
  }

  /**
   * The runtime a {@code :code} value stands for at a block (overrides and substitutes applied as
   * for {@link #codeAt}): how a value about to be written under {@code :code} will run.
   *
   * @throws InvalidRuntimeCodeException if the code is not usable
   * @throws io.basalt.executor.vm.RuntimeTrapException if {@code Core_version} traps
   */
  public RuntimeCode code(Bytes code, long blockNumber) {
    return resolver.resolve(code, blockNumber);
  }

  /**
   * The parsed runtime for a {@code :code} value: cached, so a value seen recently costs one
   * comparison.
   *
   * @throws InvalidRuntimeCodeException if the code is not usable (not Wasm, a compression bomb…)
   */
  public RuntimeBlob blob(Bytes code) {
    return resolver.blob(code);
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
