/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.strategy;

/** Which implementation of the runtime ran a call. */
public enum ExecutorKind {
  NATIVE("native"),
  WASM("wasm");

  private final String label;

  ExecutorKind(String label) {
    this.label = label;
  }

  /** The name in metrics and logs. */
  public String label() {
    return label;
  }
}
