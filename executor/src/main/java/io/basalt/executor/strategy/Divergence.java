/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.strategy;

import java.util.List;

/**
 * How native and Wasm disagreed on one call under {@link ExecutionStrategy#BOTH}: their outcomes
 * and the keys whose resulting values differ (top trie, default child tries, offchain index).
 * Wasm's outcome and changes were kept.
 *
 * @param call the call
 * @param nativeOutcome what the native runtime returned
 * @param wasmOutcome what Wasm returned
 * @param keys the differing keys, top trie first, then child tries, then the offchain index, each
 *     in key order
 */
public record Divergence(
    ApiCall call, CallOutcome nativeOutcome, CallOutcome wasmOutcome, List<KeyDifference> keys) {
  /** Keys listed in {@link #describe()}; the rest are counted. */
  static final int DESCRIBED_KEYS = 32;

  public Divergence {
    keys = List.copyOf(keys);
  }

  /** Whether the results differ (one failed, or both returned different bytes). */
  public boolean resultsDiffer() {
    return !nativeOutcome.agreesWith(wasmOutcome);
  }

  /**
   * A readable report: a first line naming the call and block, then the result (if it differs) and
   * one line per differing key.
   */
  public String describe() {
    StringBuilder out =
        new StringBuilder("Consensus error between wasm and native in ")
            .append(call.method())
            .append(" at ")
            .append(call.at())
            .append(" (")
            .append(call.context().label())
            .append("): ");
    if (resultsDiffer()) {
      out.append("results differ");
    }
    if (!keys.isEmpty()) {
      out.append(resultsDiffer() ? ", " : "")
          .append(keys.size())
          .append(keys.size() == 1 ? " key differs" : " keys differ");
    }
    out.append(". Using wasm.");
    if (resultsDiffer()) {
      out.append("\n  result: native ")
          .append(nativeOutcome.describe())
          .append(" vs wasm ")
          .append(wasmOutcome.describe());
    }
    for (int i = 0; i < keys.size() && i < DESCRIBED_KEYS; i++) {
      out.append("\n  ").append(keys.get(i).describe());
    }
    if (keys.size() > DESCRIBED_KEYS) {
      out.append("\n  … and ").append(keys.size() - DESCRIBED_KEYS).append(" more keys");
    }
    return out.toString();
  }
}
