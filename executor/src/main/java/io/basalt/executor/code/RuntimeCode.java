/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.code;

import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.primitives.types.RuntimeVersion;

/**
 * The runtime that runs a call at some block, after overrides and code substitutes were applied.
 *
 * @param blob the code that runs
 * @param version its version (the override's or substitute's own, when one applies)
 * @param onChainVersion the version of {@code :code} at that block, which native execution is
 *     judged against ({@code can_call_with}) whatever runs
 * @param source where {@code blob} came from
 */
public record RuntimeCode(
    RuntimeBlob blob, RuntimeVersion version, RuntimeVersion onChainVersion, CodeSource source) {

  /** The on-chain code itself. */
  public static RuntimeCode onChain(RuntimeBlob blob, RuntimeVersion version) {
    return new RuntimeCode(blob, version, version, CodeSource.ON_CHAIN);
  }
}
