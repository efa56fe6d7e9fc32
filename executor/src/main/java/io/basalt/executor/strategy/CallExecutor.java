/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.strategy;

import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.api.NativeRuntime;
import io.basalt.executor.api.NativeRuntimePanic;
import io.basalt.executor.api.RuntimeContext;
import io.basalt.executor.code.RuntimeCode;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.StateBackend;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.primitives.bytes.Hash256;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs runtime API calls on the native runtime or in Wasm, as the call's {@link ExecutionContext}
 * and the configured {@link ExecutionStrategies} say (Substrate's {@code NativeElseWasmExecutor}
 * behind its {@code ExecutionManager}).
 *
 * <p>Native code runs only when the on-chain runtime {@linkplain
 * io.basalt.primitives.types.RuntimeVersion#canCallWith can call with} it; otherwise Wasm runs, and
 * the reason is logged once per runtime.
 *
 * <pre>{@code
 * CallExecutor calls = new CallExecutor(wasm, Optional.of(nativeRuntime), strategies, observer);
 * byte[] out = calls.call(new ApiCall(IMPORTING, code, "Core_execute_block", block, "#5"),
 *     changes, state, services);
 * }</pre>
 */
public final class CallExecutor {
  private static final Logger LOG = LoggerFactory.getLogger("executor");

  private final RuntimeExecutor wasm;
  private final Optional<NativeRuntime> nativeRuntime;
  private final ExecutionStrategies strategies;
  private final ExecutionObserver observer;
  private final Set<Hash256> toldIncompatible = ConcurrentHashMap.newKeySet();

  public CallExecutor(
      RuntimeExecutor wasm,
      Optional<NativeRuntime> nativeRuntime,
      ExecutionStrategies strategies,
      ExecutionObserver observer) {
    this.wasm = wasm;
    this.nativeRuntime = nativeRuntime;
    this.strategies = strategies;
    this.observer = observer;
  }

  /** The Wasm executor behind this one. */
  public RuntimeExecutor wasm() {
    return wasm;
  }

  /** The strategies this executor applies. */
  public ExecutionStrategies strategies() {
    return strategies;
  }

  /**
   * Makes a call on {@code state} with {@code changes} as its overlay.
   *
   * @return the SCALE-encoded result
   * @throws RuntimeTrapException if the runtime that counts (Wasm under {@code Both}) failed
   */
  public byte[] call(
      ApiCall call, OverlayedChanges changes, StateBackend state, HostServices services) {
    ExecutionStrategy strategy = strategies.of(call.context());
    Optional<NativeRuntime> usable =
        strategy == ExecutionStrategy.ALWAYS_WASM ? Optional.empty() : nativeFor(call.code());
    if (usable.isEmpty()) {
      return callWasm(call, changes, state, services);
    }
    return switch (strategy) {
      case NATIVE_WHEN_POSSIBLE -> callNative(usable.get(), call, changes, state, services);
      case NATIVE_ELSE_WASM -> nativeElseWasm(usable.get(), call, changes, state, services);
      case BOTH -> both(usable.get(), call, changes, state, services);
      case ALWAYS_WASM -> throw new IllegalStateException("unreachable: Wasm was chosen above");
    };
  }

  private byte[] nativeElseWasm(
      NativeRuntime runtime,
      ApiCall call,
      OverlayedChanges changes,
      StateBackend state,
      HostServices services) {
    changes.startTransaction();
    try {
      byte[] out = callNative(runtime, call, changes, state, services);
      changes.commitTransaction();
      return out;
    } catch (RuntimeTrapException e) {
      changes.rollbackTransaction();
      LOG.debug(
          "native {} failed at {} ({}); running Wasm", call.method(), call.at(), e.getMessage());
      return callWasm(call, changes, state, services);
    }
  }

  private byte[] both(
      NativeRuntime runtime,
      ApiCall call,
      OverlayedChanges changes,
      StateBackend state,
      HostServices services) {
    changes.startTransaction();
    Optional<byte[]> nativeOut;
    try {
      nativeOut = Optional.of(callNative(runtime, call, changes, state, services));
    } catch (RuntimeTrapException e) {
      nativeOut = Optional.empty();
    } finally {
      changes.rollbackTransaction();
    }
    Optional<byte[]> wasmOut;
    RuntimeTrapException wasmFailure = null;
    byte[] result = null;
    try {
      result = callWasm(call, changes, state, services);
      wasmOut = Optional.of(result);
    } catch (RuntimeTrapException e) {
      wasmOut = Optional.empty();
      wasmFailure = e;
    }
    boolean agree =
        nativeOut.isPresent() == wasmOut.isPresent()
            && (nativeOut.isEmpty() || java.util.Arrays.equals(nativeOut.get(), wasmOut.get()));
    if (!agree) {
      observer.mismatch(call.context(), call.method());
      LOG.warn(
          "Consensus error between wasm and native in {} at {}. Using wasm.",
          call.method(),
          call.at());
    }
    if (wasmFailure != null) {
      throw wasmFailure;
    }
    return result;
  }

  private Optional<NativeRuntime> nativeFor(RuntimeCode code) {
    if (nativeRuntime.isEmpty()) {
      return Optional.empty();
    }
    NativeRuntime runtime = nativeRuntime.get();
    if (code.onChainVersion().canCallWith(runtime.version())) {
      return nativeRuntime;
    }
    if (toldIncompatible.add(code.blob().codeHash())) {
      LOG.info(
          "Native runtime {}/{} cannot call the on-chain runtime {}/{}: running Wasm",
          runtime.version().specName(),
          runtime.version().specVersion(),
          code.onChainVersion().specName(),
          code.onChainVersion().specVersion());
    }
    return Optional.empty();
  }

  private byte[] callWasm(
      ApiCall call, OverlayedChanges changes, StateBackend state, HostServices services) {
    observer.called(call.context(), ExecutorKind.WASM, call.method());
    return wasm.call(
        call.code().blob(),
        call.method(),
        call.input().toArray(),
        new OverlayedExternalities(changes, state),
        services);
  }

  private byte[] callNative(
      NativeRuntime runtime,
      ApiCall call,
      OverlayedChanges changes,
      StateBackend state,
      HostServices services) {
    observer.called(call.context(), ExecutorKind.NATIVE, call.method());
    int depth = changes.transactionDepth();
    try {
      return runtime.call(
          call.method(),
          call.input().toArray(),
          new RuntimeContext(
              new OverlayedExternalities(changes, state), services, wasm.versionReader()));
    } catch (NativeRuntimePanic e) {
      while (changes.transactionDepth() > depth) {
        changes.rollbackTransaction();
      }
      throw new RuntimeTrapException(
          call.method(), "native runtime panicked", Optional.of(e.getMessage()), e);
    }
  }
}
