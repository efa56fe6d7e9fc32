/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.chain;

import io.basalt.storage.block.BlockRef;
import java.util.List;

/**
 * The way from one block to another through their common ancestor (Substrate's {@code TreeRoute}):
 * the blocks left behind, highest first, then the blocks entered, lowest first.
 *
 * @param retracted the blocks from {@code from} down to, excluding, the common ancestor
 * @param common the highest common ancestor
 * @param enacted the blocks after the common ancestor up to and including {@code to}
 */
public record TreeRoute(List<BlockRef> retracted, BlockRef common, List<BlockRef> enacted) {
  public TreeRoute {
    retracted = List.copyOf(retracted);
    enacted = List.copyOf(enacted);
  }

  /** Whether the route only moves forward along one chain. */
  public boolean isLinear() {
    return retracted.isEmpty();
  }
}
