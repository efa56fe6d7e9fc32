/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Execution strategies: which implementation of the runtime, native (Java) or Wasm, runs a call,
 * chosen per {@link io.basalt.executor.strategy.ExecutionContext} by {@link
 * io.basalt.executor.strategy.ExecutionStrategies}, as Substrate's CLI did before native execution
 * was removed upstream (ADR 0010). {@link io.basalt.executor.strategy.CallExecutor} applies them;
 * an {@link io.basalt.executor.strategy.ExecutionObserver} hears which implementation ran, which
 * code is in use, and every {@link io.basalt.executor.strategy.Divergence} under {@code Both}: the
 * two outcomes and the {@link io.basalt.executor.strategy.KeyDifference}s of the state each run
 * left.
 *
 * <pre>{@code
 * CallExecutor calls =
 *     new CallExecutor(wasm, Optional.of(nativeRuntime), ExecutionStrategies.defaults(false),
 *         ExecutionObserver.NONE);
 * byte[] version = calls.call(new ApiCall(OTHER, code, "Core_version", Bytes.EMPTY, "#0"),
 *     new OverlayedChanges(), state, HostServices.standard());
 * }</pre>
 */
package io.basalt.executor.strategy;
