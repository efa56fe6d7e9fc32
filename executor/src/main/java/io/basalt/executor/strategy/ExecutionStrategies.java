/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.strategy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The execution strategy of each {@link ExecutionContext}.
 *
 * @param byContext one strategy for every context
 */
public record ExecutionStrategies(Map<ExecutionContext, ExecutionStrategy> byContext) {
  public ExecutionStrategies {
    EnumMap<ExecutionContext, ExecutionStrategy> copy = new EnumMap<>(ExecutionContext.class);
    copy.putAll(byContext);
    for (ExecutionContext c : ExecutionContext.values()) {
      if (!copy.containsKey(c)) {
        throw new IllegalArgumentException("no execution strategy for " + c);
      }
    }
    byContext = Collections.unmodifiableMap(copy);
  }

  /**
   * The defaults of Substrate's CLI before April 2022: syncing and import NativeElseWasm (import
   * always Wasm on a validator), block construction Wasm, offchain workers and other calls Native.
   */
  public static ExecutionStrategies defaults(boolean validator) {
    EnumMap<ExecutionContext, ExecutionStrategy> m = new EnumMap<>(ExecutionContext.class);
    m.put(ExecutionContext.SYNCING, ExecutionStrategy.NATIVE_ELSE_WASM);
    m.put(
        ExecutionContext.IMPORTING,
        validator ? ExecutionStrategy.ALWAYS_WASM : ExecutionStrategy.NATIVE_ELSE_WASM);
    m.put(ExecutionContext.BLOCK_CONSTRUCTION, ExecutionStrategy.ALWAYS_WASM);
    m.put(ExecutionContext.OFFCHAIN_WORKER, ExecutionStrategy.NATIVE_WHEN_POSSIBLE);
    m.put(ExecutionContext.OTHER, ExecutionStrategy.NATIVE_WHEN_POSSIBLE);
    return new ExecutionStrategies(m);
  }

  /** One strategy for every context ({@code --execution}). */
  public static ExecutionStrategies all(ExecutionStrategy strategy) {
    EnumMap<ExecutionContext, ExecutionStrategy> m = new EnumMap<>(ExecutionContext.class);
    for (ExecutionContext c : ExecutionContext.values()) {
      m.put(c, strategy);
    }
    return new ExecutionStrategies(m);
  }

  /** The strategy of a context. */
  public ExecutionStrategy of(ExecutionContext context) {
    return byContext.get(context);
  }

  /** These strategies with one context changed. */
  public ExecutionStrategies with(ExecutionContext context, ExecutionStrategy strategy) {
    EnumMap<ExecutionContext, ExecutionStrategy> m = new EnumMap<>(byContext);
    m.put(context, strategy);
    return new ExecutionStrategies(m);
  }
}
