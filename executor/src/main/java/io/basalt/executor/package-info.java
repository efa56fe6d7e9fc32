/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The executor's entry point: {@link io.basalt.executor.RuntimeExecutor} calls runtime APIs on a
 * {@link io.basalt.executor.vm.RuntimeBlob} against {@link io.basalt.executor.state.Externalities},
 * tying together the Wasm engine ({@code vm}, {@code vm.chicory}), the host API ({@code host}) and
 * the overlayed state ({@code state}).
 *
 * <pre>{@code
 * try (RuntimeExecutor executor = new RuntimeExecutor(ExecutorConfig.defaults(), services)) {
 *   OverlayedChanges changes = new OverlayedChanges();
 *   byte[] out = executor.call(blob, "Core_execute_block", block,
 *       new OverlayedExternalities(changes, backend));
 * }
 * }</pre>
 */
package io.basalt.executor;
