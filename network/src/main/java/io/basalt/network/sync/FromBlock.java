/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.sync;

import io.basalt.primitives.bytes.Hash256;
import java.util.Objects;

/** Where a block request starts: a block hash, or a block number. */
public sealed interface FromBlock {

  /** Start at the block with this hash. */
  record Hash(Hash256 hash) implements FromBlock {
    public Hash {
      Objects.requireNonNull(hash, "hash");
    }
  }

  /**
   * Start at the block with this number on the responder's best chain. On the wire it is the SCALE
   * encoding of the number: 4 bytes little-endian for a u32 block number.
   */
  @SuppressWarnings("AvoidCommonTypeNames") // the name the rest of the node uses; always qualified
  record Number(long number) implements FromBlock {
    public Number {
      if (number < 0 || number > 0xffff_ffffL) {
        throw new IllegalArgumentException("block number is not a u32: " + number);
      }
    }
  }
}
