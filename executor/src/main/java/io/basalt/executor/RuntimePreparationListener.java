/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

/**
 * Hears when runtimes become ready (metrics: runtime compile time). Called on the executor's Wasm
 * threads, the background compiler's included; implementations must be quick and thread-safe.
 */
@FunctionalInterface
public interface RuntimePreparationListener {
  /** Does nothing. */
  RuntimePreparationListener NONE = event -> {};

  /** {@code event.codeHash()} is ready to run as {@code event.stage()}. */
  void prepared(RuntimePreparation event);
}
