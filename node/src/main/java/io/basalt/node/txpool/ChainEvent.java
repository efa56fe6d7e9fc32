/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.bytes.Hash256;
import io.basalt.storage.block.BlockRef;
import java.util.List;

/** What the chain tells the pool ({@link TransactionPool#maintain}). */
public sealed interface ChainEvent {

  /**
   * The best block changed: the route from the old best block to the new one.
   *
   * @param retracted blocks that left the best chain, from the old best block down to (not
   *     including) the common ancestor; empty without a re-org
   * @param enacted blocks that joined it, from the child of the common ancestor up to the new best
   *     block (the last one); never empty
   */
  record NewBestBlock(List<BlockExtrinsics> retracted, List<BlockExtrinsics> enacted)
      implements ChainEvent {
    public NewBestBlock {
      retracted = List.copyOf(retracted);
      enacted = List.copyOf(enacted);
      if (enacted.isEmpty()) {
        throw new IllegalArgumentException("a new best block needs at least one enacted block");
      }
    }

    /** A new best block on top of the old one: nothing retracted. */
    public static NewBestBlock extending(BlockExtrinsics block) {
      return new NewBestBlock(List.of(), List.of(block));
    }

    /** The new best block. */
    public BlockExtrinsics best() {
      return enacted.getLast();
    }
  }

  /**
   * The best block was set on request (a development chain's {@code dev_setHead}): like {@link
   * NewBestBlock}, but a rewind, so the transactions of the retracted blocks are not resubmitted.
   *
   * @param retracted blocks that left the best chain, from the old best block down
   * @param enacted blocks that joined it, up to the new best block; empty when it is an ancestor of
   *     the old one
   * @param best the new best block
   */
  record BestBlockSet(List<BlockExtrinsics> retracted, List<BlockExtrinsics> enacted, BlockRef best)
      implements ChainEvent {
    public BestBlockSet {
      retracted = List.copyOf(retracted);
      enacted = List.copyOf(enacted);
    }
  }

  /**
   * Blocks became final.
   *
   * @param blocks the newly finalized blocks, oldest first: the route from the previously finalized
   *     block (excluded) to the new one (included)
   */
  record Finalized(List<Hash256> blocks) implements ChainEvent {
    public Finalized {
      blocks = List.copyOf(blocks);
    }
  }
}
