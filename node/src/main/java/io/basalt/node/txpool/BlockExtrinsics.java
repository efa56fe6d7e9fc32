/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Block;
import java.util.List;

/**
 * A block as the pool's maintenance needs it.
 *
 * @param hash the block hash
 * @param number the block number
 * @param parentHash the parent's hash (extrinsics unknown to the pool are validated there)
 * @param extrinsics the body items as {@link Block#extrinsics()} holds them: payloads without their
 *     length prefix
 */
public record BlockExtrinsics(
    Hash256 hash, long number, Hash256 parentHash, List<Bytes> extrinsics) {
  public BlockExtrinsics {
    if (number < 0) {
      throw new IllegalArgumentException("block number must be non-negative: " + number);
    }
    extrinsics = List.copyOf(extrinsics);
  }

  /** A stored block's hash, number, parent and body. */
  public static BlockExtrinsics of(Block block) {
    return new BlockExtrinsics(
        block.hash(), block.header().number(), block.header().parentHash(), block.extrinsics());
  }
}
