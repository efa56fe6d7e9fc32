/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.strategy;

import io.basalt.executor.code.RuntimeCode;

/**
 * What the node wants to know about runtime calls (metrics): which implementation ran each call,
 * where native and Wasm disagreed under {@link ExecutionStrategy#BOTH}, and which runtime code is
 * in use. Called on the caller's thread; implementations must be quick and thread-safe.
 */
public interface ExecutionObserver {
  /** Does nothing. */
  ExecutionObserver NONE = new ExecutionObserver() {};

  /** A call ran on {@code executor} (twice for {@code Both}: once on each). */
  default void called(ExecutionContext context, ExecutorKind executor, String method) {}

  /**
   * Native and Wasm disagreed on a call under {@code Both} (result, storage changes or both);
   * Wasm's outcome was kept. Already logged at WARN (target {@code executor}) with {@link
   * Divergence#describe()}.
   */
  default void mismatch(Divergence divergence) {}

  /**
   * A call is about to run on code not seen before with this source: once per code hash and {@link
   * io.basalt.executor.code.CodeSource} (e.g. an override's hash with {@code override}).
   */
  default void runtimeInUse(RuntimeCode code) {}
}
