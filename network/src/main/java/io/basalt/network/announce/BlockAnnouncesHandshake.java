/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.announce;

import io.basalt.network.codec.Decoding;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleWriter;
import java.util.Objects;

/**
 * The handshake of the block announces substream, in SCALE: {@code roles u8 ‖ best_number u32 ‖
 * best_hash ‖ genesis_hash} (69 bytes). A peer whose genesis hash differs is on another chain.
 *
 * @param roles the sender's roles
 * @param bestNumber the sender's best block number (a u32 on Polkadot-family chains)
 * @param bestHash the sender's best block hash
 * @param genesisHash the sender's genesis hash
 */
public record BlockAnnouncesHandshake(
    Roles roles, long bestNumber, Hash256 bestHash, Hash256 genesisHash) {

  /** The encoded size. */
  public static final int LENGTH = 1 + 4 + 32 + 32;

  public BlockAnnouncesHandshake {
    Objects.requireNonNull(roles, "roles");
    Objects.requireNonNull(bestHash, "bestHash");
    Objects.requireNonNull(genesisHash, "genesisHash");
    if (bestNumber < 0 || bestNumber > 0xffff_ffffL) {
      throw new IllegalArgumentException("best number is not a u32: " + bestNumber);
    }
  }

  public byte[] encode() {
    return new ScaleWriter(LENGTH)
        .writeU8(roles.bits())
        .writeU32(bestNumber)
        .writeHash(bestHash)
        .writeHash(genesisHash)
        .toByteArray();
  }

  /**
   * Decodes a handshake; trailing bytes are refused.
   *
   * @throws FrameException if the bytes are not a handshake
   */
  public static BlockAnnouncesHandshake decode(byte[] bytes) {
    return Decoding.scale(
        bytes,
        "BlockAnnouncesHandshake",
        r ->
            new BlockAnnouncesHandshake(
                Roles.ofByte(r.readU8()), r.readU32AsLong(), r.readHash256(), r.readHash256()));
  }
}
