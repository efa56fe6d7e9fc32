/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.strategy;

import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.api.NativeRuntime;
import io.basalt.executor.api.NativeRuntimePanic;
import io.basalt.executor.api.RuntimeContext;
import io.basalt.executor.api.UnsupportedRuntimeApiException;
import io.basalt.executor.code.CodeSource;
import io.basalt.executor.code.RuntimeCode;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.SavepointChanges;
import io.basalt.executor.state.StateBackend;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
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
 * <ul>
 *   <li>{@code NativeWhenPossible}: native if usable, else Wasm; a native failure is the call's.
 *   <li>{@code AlwaysWasm}: Wasm.
 *   <li>{@code NativeElseWasm}: native; if it fails, its changes are rolled back and Wasm runs.
 *   <li>{@code Both}: native, rolled back, then Wasm, whose result and changes are kept. The two
 *       runs are compared on their results (as Substrate did) and on the values every written key
 *       ends with, in the top trie, the default child tries and the offchain index (beyond
 *       Substrate). A disagreement is logged at WARN with the differing keys and both values, and
 *       reported to the {@link ExecutionObserver}.
 * </ul>
 *
 * <p>Native code runs only when the on-chain runtime {@linkplain RuntimeVersion#canCallWith can
 * call with} it (same spec name, spec version and authoring version); otherwise Wasm runs, and why
 * is logged once per runtime. A native failure is a panic, a method the native runtime lacks, or
 * any other exception but a storage failure (which no retry can fix, and is rethrown).
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
  private final Set<CodeInUse> codeInUse = ConcurrentHashMap.newKeySet();

  private record CodeInUse(Hash256 codeHash, CodeSource source) {}

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
   * @throws RuntimeTrapException if the runtime that counts (Wasm under {@code Both} and after a
   *     native failure under {@code NativeElseWasm}) trapped or panicked
   */
  public byte[] call(
      ApiCall call, OverlayedChanges changes, StateBackend state, HostServices services) {
    if (codeInUse.add(new CodeInUse(call.code().blob().codeHash(), call.code().source()))) {
      observer.runtimeInUse(call.code());
    }
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
    OverlayedChanges.Savepoint savepoint = changes.savepoint();
    byte[] out;
    try {
      out = callNative(runtime, call, changes, state, services);
    } catch (RuntimeException e) {
      savepoint.rollback();
      rethrowStorageFailure(e);
      logNativeFailure(call, e, "running Wasm");
      return callWasm(call, changes, state, services);
    }
    savepoint.commit();
    return out;
  }

  private byte[] both(
      NativeRuntime runtime,
      ApiCall call,
      OverlayedChanges changes,
      StateBackend state,
      HostServices services) {
    OverlayedChanges.Savepoint nativeRun = changes.savepoint();
    CallOutcome nativeOutcome;
    try {
      nativeOutcome =
          new CallOutcome.Returned(Bytes.wrap(callNative(runtime, call, changes, state, services)));
    } catch (RuntimeException e) {
      nativeRun.rollback();
      rethrowStorageFailure(e);
      logNativeFailure(call, e, "Wasm runs next");
      nativeOutcome = new CallOutcome.Failed(String.valueOf(e.getMessage()));
      return compareWithWasm(call, nativeOutcome, Optional.empty(), changes, state, services);
    }
    SavepointChanges nativeChanges = nativeRun.changes();
    nativeRun.rollback();
    return compareWithWasm(
        call, nativeOutcome, Optional.of(nativeChanges), changes, state, services);
  }

  /** Runs Wasm in {@code Both}, keeps its outcome and changes, and reports any disagreement. */
  private byte[] compareWithWasm(
      ApiCall call,
      CallOutcome nativeOutcome,
      Optional<SavepointChanges> nativeChanges,
      OverlayedChanges changes,
      StateBackend state,
      HostServices services) {
    OverlayedChanges.Savepoint wasmRun = changes.savepoint();
    byte[] result;
    try {
      result = callWasm(call, changes, state, services);
    } catch (RuntimeTrapException e) {
      wasmRun.commit();
      report(
          new Divergence(call, nativeOutcome, new CallOutcome.Failed(e.getMessage()), List.of()));
      throw e;
    } catch (RuntimeException e) {
      wasmRun.commit();
      throw e;
    }
    List<KeyDifference> keys =
        nativeChanges.isPresent()
            ? StateComparison.differences(nativeChanges.get(), wasmRun.changes(), state)
            : List.<KeyDifference>of();
    wasmRun.commit();
    report(new Divergence(call, nativeOutcome, new CallOutcome.Returned(Bytes.wrap(result)), keys));
    return result;
  }

  private void report(Divergence divergence) {
    if (divergence.resultsDiffer() || !divergence.keys().isEmpty()) {
      LOG.warn("{}", divergence.describe());
      observer.mismatch(divergence);
    }
  }

  private static void rethrowStorageFailure(RuntimeException e) {
    if (e instanceof StorageException) {
      throw e;
    }
  }

  private static void logNativeFailure(ApiCall call, RuntimeException e, String next) {
    if (e instanceof RuntimeTrapException || e instanceof UnsupportedRuntimeApiException) {
      LOG.debug("native {} failed at {} ({}); {}", call.method(), call.at(), e.getMessage(), next);
    } else {
      LOG.warn(
          "native {} failed unexpectedly at {} ({}); {}", call.method(), call.at(), e, next, e);
    }
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
          "Native runtime {}/{} cannot call the on-chain runtime {}/{} ({}): running Wasm",
          runtime.version().specName(),
          runtime.version().specVersion(),
          code.onChainVersion().specName(),
          code.onChainVersion().specVersion(),
          incompatibility(runtime.version(), code.onChainVersion()));
    }
    return Optional.empty();
  }

  /** Which of {@code can_call_with}'s fields differ, e.g. {@code spec_version 100 ≠ 101}. */
  private static String incompatibility(RuntimeVersion nativeVersion, RuntimeVersion onChain) {
    List<String> reasons = new ArrayList<>();
    if (!nativeVersion.specName().equals(onChain.specName())) {
      reasons.add("spec_name " + nativeVersion.specName() + " ≠ " + onChain.specName());
    }
    if (nativeVersion.specVersion() != onChain.specVersion()) {
      reasons.add("spec_version " + nativeVersion.specVersion() + " ≠ " + onChain.specVersion());
    }
    if (nativeVersion.authoringVersion() != onChain.authoringVersion()) {
      reasons.add(
          "authoring_version "
              + nativeVersion.authoringVersion()
              + " ≠ "
              + onChain.authoringVersion());
    }
    return String.join(", ", reasons);
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
