/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import io.basalt.primitives.bytes.Hash256;
import java.util.List;

/**
 * The head of the chain at one moment: what {@code chainHead_v1_follow} reports first.
 *
 * @param finalized the finalized block
 * @param best the best block (the finalized block or one of {@code descendants})
 * @param descendants every known block built on the finalized block, on all forks, each after its
 *     parent
 */
public record HeadSnapshot(BlockLink finalized, Hash256 best, List<BlockLink> descendants) {
  public HeadSnapshot {
    descendants = List.copyOf(descendants);
  }
}
