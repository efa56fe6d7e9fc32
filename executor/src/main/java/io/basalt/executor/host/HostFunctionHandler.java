/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

/** The marshalling shim of one host function: Wasm arguments in, Wasm result out. */
@FunctionalInterface
public interface HostFunctionHandler {
  /**
   * Runs the host function on the Wasm arguments.
   *
   * @param ctx the call's memory, state and services
   * @param args Wasm arguments (i32 values in the low 32 bits)
   * @return the Wasm result; ignored for functions without one
   * @throws HostFunctionException if the runtime misused the function
   */
  long invoke(HostCallContext ctx, long[] args);
}
