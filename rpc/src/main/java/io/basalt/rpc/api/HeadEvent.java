/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import io.basalt.primitives.bytes.Hash256;
import java.util.List;

/** A change at the head of the chain, told to {@link ChainHeadApi#follow} listeners in order. */
public sealed interface HeadEvent {

  /**
   * A block was imported.
   *
   * @param block the block
   * @param best whether it became the best block
   */
  record NewBlock(BlockLink block, boolean best) implements HeadEvent {}

  /**
   * Blocks were finalized.
   *
   * @param finalized the blocks that became final, lowest first; the last one is the finalized
   *     block
   * @param pruned the blocks that can no longer be finalized: every block of the forks that branch
   *     off below the new finalized block, above the previous one
   * @param best the best block afterwards (finalizing another fork moves it)
   */
  record Finalized(List<BlockLink> finalized, List<Hash256> pruned, Hash256 best)
      implements HeadEvent {
    public Finalized {
      finalized = List.copyOf(finalized);
      pruned = List.copyOf(pruned);
    }
  }

  /**
   * A known block was made the best block on request (a development chain's {@code dev_setHead}).
   *
   * @param best the new best block
   * @param finalityReverted whether the finalized block moved back to make it so
   */
  record BestSet(Hash256 best, boolean finalityReverted) implements HeadEvent {}
}
