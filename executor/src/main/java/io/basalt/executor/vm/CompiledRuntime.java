/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm;

import io.basalt.primitives.bytes.Hash256;
import java.util.List;

/**
 * A runtime validated and compiled once (per code hash and execution method), from which pristine
 * instances are made for each call. Thread-safe.
 */
public interface CompiledRuntime {
  /** The code hash of the blob this was compiled from. */
  Hash256 codeHash();

  /** How the runtime executes. */
  WasmExecutionMethod method();

  /** Imports the host does not provide, as {@code module.name} (empty if every import resolves). */
  List<String> missingImports();

  /**
   * Functions that exceed the JVM method size limit and run in the interpreter although the runtime
   * is compiled (Wasm function indices); empty in interpreted mode.
   */
  List<Integer> interpretedFunctions();

  /**
   * Makes a fresh instance.
   *
   * @param extraHeapPages pages added on top of the module's declared initial memory ({@code
   *     :heappages}, default 2048); as Substrate's static heap strategy, the memory has the sum as
   *     its size and maximum from the start (so {@code memory.grow} fails), but engines may back
   *     the pages only when they are touched
   * @param dispatcher receives the instance's host calls
   * @param allowMissingImports if true, missing host functions trap only when called (as Substrate
   *     does when reading a version); otherwise instantiation fails
   * @throws InvalidRuntimeCodeException listing all missing imports
   */
  WasmInstance instantiate(
      long extraHeapPages, HostCallDispatcher dispatcher, boolean allowMissingImports);
}
