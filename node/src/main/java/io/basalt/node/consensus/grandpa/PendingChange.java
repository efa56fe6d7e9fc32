/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.grandpa;

import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.storage.block.BlockRef;
import java.util.List;

/**
 * An authority set change announced by a block and not yet enacted. It belongs to the fork of
 * {@code announcedIn}: only blocks built on that block see it. A standard change is enacted when
 * the block at {@link #effectiveNumber()} on that fork is finalized; a forced one when that block
 * is imported.
 *
 * @param announcedIn the block whose digest announced it
 * @param nextAuthorities the new voters
 * @param delay blocks from the announcing block to the one enacting the change
 * @param forced whether it is a forced change
 */
public record PendingChange(
    BlockRef announcedIn, List<Authority> nextAuthorities, long delay, boolean forced) {
  public PendingChange {
    nextAuthorities = List.copyOf(nextAuthorities);
  }

  /** The number of the block that enacts the change. */
  public long effectiveNumber() {
    return announcedIn.number() + delay;
  }

  static final ScaleCodec<BlockRef> BLOCK_REF_CODEC =
      ScaleCodec.of(
          "BlockRef",
          (w, b) -> w.writeHash(b.hash()).writeU32(b.number()),
          r -> new BlockRef(r.readHash256(), r.readU32AsLong()));

  static final ScaleCodec<PendingChange> CODEC =
      ScaleCodec.of(
          "PendingChange",
          (w, c) -> {
            BLOCK_REF_CODEC.encode(w, c.announcedIn);
            w.writeVec(c.nextAuthorities, Authority.CODEC).writeU32(c.delay).writeBool(c.forced);
          },
          r ->
              new PendingChange(
                  BLOCK_REF_CODEC.decode(r),
                  r.readVec(Authority.CODEC),
                  r.readU32AsLong(),
                  r.readBool()));
}
