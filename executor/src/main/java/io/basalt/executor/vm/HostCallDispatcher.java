/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm;

/**
 * Receives a runtime's calls into the host, one dispatcher per instance. Anything it throws aborts
 * the Wasm call and propagates unchanged out of {@link WasmInstance#callExport}.
 */
@FunctionalInterface
public interface HostCallDispatcher {
  /**
   * Runs host function {@code index} of the {@link ImportCatalogue}.
   *
   * @param args the Wasm arguments (i32 values in the low 32 bits)
   * @return the result, ignored for functions without result
   */
  long dispatch(int index, long[] args);
}
