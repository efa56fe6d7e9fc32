/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.upgrade;

/**
 * What a rehearsal does and which of its checks are relaxed (try-runtime-cli's switches).
 *
 * @param blocks blocks built after the upgrade block
 * @param checks what {@code TryRuntime_on_runtime_upgrade} checks, where the runtime has it
 * @param specNameCheck require the new code's spec_name to equal the current one
 * @param specVersionCheck require the new code's spec_version to be higher
 * @param idempotencyCheck run the migration twice and require the same storage root
 * @param weightWarnings warn (and fail) when the upgrade block takes 80% or more of a limit
 */
public record TryUpgradeOptions(
    int blocks,
    UpgradeCheckSelect checks,
    boolean specNameCheck,
    boolean specVersionCheck,
    boolean idempotencyCheck,
    boolean weightWarnings) {
  /** The default number of blocks after the upgrade block. */
  public static final int DEFAULT_BLOCKS = 1;

  public TryUpgradeOptions {
    if (blocks < 0) {
      throw new IllegalArgumentException("--blocks must be 0 or more, got " + blocks);
    }
  }

  /** Every check on, {@link #DEFAULT_BLOCKS} blocks, pre and post checks. */
  public static TryUpgradeOptions defaults() {
    return new TryUpgradeOptions(
        DEFAULT_BLOCKS, UpgradeCheckSelect.PRE_AND_POST, true, true, true, true);
  }

  public TryUpgradeOptions withBlocks(int n) {
    return new TryUpgradeOptions(
        n, checks, specNameCheck, specVersionCheck, idempotencyCheck, weightWarnings);
  }
}
