/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.block;

import io.basalt.primitives.bytes.Hash256;
import java.util.Objects;

/**
 * A block identified by hash and number, e.g. the best or the finalized block.
 *
 * @param hash the block hash
 * @param number the block number
 */
public record BlockRef(Hash256 hash, long number) {
  public BlockRef {
    Objects.requireNonNull(hash, "hash");
    if (number < 0) {
      throw new IllegalArgumentException("block number must be non-negative: " + number);
    }
  }
}
