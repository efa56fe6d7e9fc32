/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm;

/**
 * One pristine instantiation of a runtime: fresh memory with the data segments applied, fresh
 * globals. Used for one runtime call, then discarded. Not thread-safe.
 */
public interface WasmInstance {
  /** The instance's linear memory. */
  LinearMemory memory();

  /** The value of the exported {@code __heap_base} global: where the host allocator starts. */
  int heapBase();

  /** Whether the module exports a function with this name. */
  boolean hasExport(String name);

  /**
   * Calls an exported runtime API function of type {@code (i32, i32) -> i64}.
   *
   * @return the packed pointer-size result
   * @throws WasmTrapException if the engine trapped
   * @throws InvalidRuntimeCodeException if the export is missing or has another type
   * @throws RuntimeException whatever a host function threw, unchanged
   */
  long callExport(String name, int ptr, int len);
}
