/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.chain;

import io.basalt.primitives.types.Header;
import io.basalt.storage.block.BlockRef;
import java.util.List;
import java.util.Optional;

/**
 * Something that happened to the chain, told to {@link ChainListener}s in the order it happened.
 */
public sealed interface ChainEvent {
  /**
   * A block was imported.
   *
   * @param header its header
   * @param origin where it came from
   * @param bestRoute when it became the new best block: the way from the previous best to it (a
   *     re-organisation when the route retracts blocks); empty when the best block did not change
   */
  record BlockImported(Header header, BlockOrigin origin, Optional<TreeRoute> bestRoute)
      implements ChainEvent {
    public BlockRef ref() {
      return new BlockRef(header.hash(), header.number());
    }

    /** Whether the block became the best block. */
    public boolean isNewBest() {
      return bestRoute.isPresent();
    }
  }

  /**
   * Blocks were finalized.
   *
   * @param finalized the new finalized block
   * @param newlyFinalized every block that became final, lowest first, ending with {@code
   *     finalized}
   * @param displacedLeaves leaves dropped because their fork branches off below the finalized block
   * @param bestRoute when finalization moved the best block to the finalized fork: the way there
   */
  record Finalized(
      BlockRef finalized,
      List<BlockRef> newlyFinalized,
      List<BlockRef> displacedLeaves,
      Optional<TreeRoute> bestRoute)
      implements ChainEvent {
    public Finalized {
      newlyFinalized = List.copyOf(newlyFinalized);
      displacedLeaves = List.copyOf(displacedLeaves);
    }
  }

  /**
   * The best block was set on request ({@link Blockchain#setBest}, Chopsticks' {@code dev_setHead}
   * on a development chain), not chosen by fork choice: back to an ancestor, or over to a block of
   * another fork. Nothing was imported.
   *
   * @param best the new best block
   * @param bestRoute the way from the previous best block to it; {@code enacted} is empty when it
   *     is an ancestor of the previous best block
   * @param finalityRevertedTo when the new best block was not built on the finalized block: the
   *     block finality moved back to (their common ancestor), which is the finalized block now
   */
  record BestBlockSet(BlockRef best, TreeRoute bestRoute, Optional<BlockRef> finalityRevertedTo)
      implements ChainEvent {}
}
