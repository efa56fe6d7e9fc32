/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.strategy;

/**
 * What the node wants to know about runtime calls (metrics): which implementation ran each call,
 * and where native and Wasm disagreed under {@link ExecutionStrategy#BOTH}.
 */
public interface ExecutionObserver {
  /** Does nothing. */
  ExecutionObserver NONE = new ExecutionObserver() {};

  /** A call ran on {@code executor} (twice for {@code Both}: once on each). */
  default void called(ExecutionContext context, ExecutorKind executor, String method) {}

  /** Native and Wasm disagreed on a call under {@code Both}; Wasm's outcome was kept. */
  default void mismatch(ExecutionContext context, String method) {}
}
