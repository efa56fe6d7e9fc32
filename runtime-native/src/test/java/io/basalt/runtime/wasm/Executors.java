/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.wasm;

import io.basalt.executor.ExecutorConfig;
import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.vm.WasmExecutionMethod;
import java.util.EnumMap;
import java.util.Map;

/** One executor per execution method for a test class; close it in {@code @AfterAll}. */
final class Executors implements AutoCloseable {
  private final Map<WasmExecutionMethod, RuntimeExecutor> executors =
      new EnumMap<>(WasmExecutionMethod.class);

  synchronized RuntimeExecutor get(WasmExecutionMethod method) {
    return executors.computeIfAbsent(
        method,
        m -> new RuntimeExecutor(ExecutorConfig.defaults().withMethod(m), DemoChain.services()));
  }

  @Override
  public synchronized void close() {
    executors.values().forEach(RuntimeExecutor::close);
    executors.clear();
  }
}
