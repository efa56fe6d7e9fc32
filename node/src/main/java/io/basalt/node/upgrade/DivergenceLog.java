/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.upgrade;

import io.basalt.executor.strategy.Divergence;
import io.basalt.executor.strategy.ExecutionContext;
import io.basalt.executor.strategy.ExecutionObserver;
import io.basalt.executor.strategy.ExecutorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hears the node's runtime calls during a rehearsal: how many ran natively (each one compared with
 * Wasm under {@code Both}) and where native and Wasm disagreed.
 */
public final class DivergenceLog implements ExecutionObserver {
  private final AtomicLong nativeCalls = new AtomicLong();
  private final List<String> divergences = new ArrayList<>();

  @Override
  public void called(ExecutionContext context, ExecutorKind executor, String method) {
    if (executor == ExecutorKind.NATIVE) {
      nativeCalls.incrementAndGet();
    }
  }

  @Override
  public void mismatch(Divergence divergence) {
    synchronized (divergences) {
      divergences.add(divergence.describe().replaceAll("\\s*\\R\\s*", " "));
    }
  }

  /** Calls that ran on the native runtime. */
  public long nativeCalls() {
    return nativeCalls.get();
  }

  /** The divergences so far, one line each. */
  public List<String> divergences() {
    synchronized (divergences) {
      return List.copyOf(divergences);
    }
  }
}
