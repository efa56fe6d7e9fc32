/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.metrics;

import io.basalt.executor.code.RuntimeCode;
import io.basalt.executor.strategy.Divergence;
import io.basalt.executor.strategy.ExecutionContext;
import io.basalt.executor.strategy.ExecutionObserver;
import io.basalt.executor.strategy.ExecutorKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Counts runtime calls per execution context and implementation ({@code
 * basalt_runtime_calls_total}) and {@code Both}-mode disagreements ({@code
 * basalt_runtime_mismatches_total}). Every series exists from the start at 0, so a rate or a "which
 * executor ran" check needs no special case for a combination never seen. Each runtime code that
 * comes into use is passed on (to {@code basalt_runtime_code_info}).
 */
final class RuntimeCallMetrics implements ExecutionObserver {
  private final Map<ExecutionContext, Map<ExecutorKind, Counter>> calls =
      new EnumMap<>(ExecutionContext.class);
  private final Map<ExecutionContext, Counter> mismatches = new EnumMap<>(ExecutionContext.class);
  private final Consumer<RuntimeCode> codeInUse;

  RuntimeCallMetrics(MeterRegistry registry, Consumer<RuntimeCode> codeInUse) {
    this.codeInUse = codeInUse;
    for (ExecutionContext context : ExecutionContext.values()) {
      Map<ExecutorKind, Counter> byExecutor = new EnumMap<>(ExecutorKind.class);
      for (ExecutorKind executor : ExecutorKind.values()) {
        byExecutor.put(
            executor,
            Counter.builder("basalt_runtime_calls_total")
                .description("Runtime calls by execution context and the implementation that ran")
                .tag("context", context.label())
                .tag("executor", executor.label())
                .register(registry));
      }
      calls.put(context, byExecutor);
      mismatches.put(
          context,
          Counter.builder("basalt_runtime_mismatches_total")
              .description("Calls where native and Wasm disagreed under the Both strategy")
              .tag("context", context.label())
              .register(registry));
    }
  }

  @Override
  public void called(ExecutionContext context, ExecutorKind executor, String method) {
    calls.get(context).get(executor).increment();
  }

  @Override
  public void mismatch(Divergence divergence) {
    mismatches.get(divergence.call().context()).increment();
  }

  @Override
  public void runtimeInUse(RuntimeCode code) {
    codeInUse.accept(code);
  }
}
