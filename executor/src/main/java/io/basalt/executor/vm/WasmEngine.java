/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm;

/** A Wasm engine: validates and compiles runtime code against the host's import catalogue. */
public interface WasmEngine {
  /** How this engine executes code. */
  WasmExecutionMethod method();

  /**
   * Validates and compiles a runtime. Expensive (seconds for large runtimes): callers cache the
   * result per code hash.
   *
   * @throws InvalidRuntimeCodeException if the module is invalid, imports something other than
   *     {@code env} functions and {@code env.memory}, or imports a known host function with the
   *     wrong type
   */
  CompiledRuntime compile(RuntimeBlob blob, ImportCatalogue imports);

  /**
   * Whether {@link #compile} would load this runtime's compiled code from a disk cache rather than
   * compile it (so it is quick). A guess: an unusable entry is still recompiled by {@code compile}.
   */
  default boolean hasCompiledOnDisk(RuntimeBlob blob) {
    return false;
  }
}
