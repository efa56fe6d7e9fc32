/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.types;

import io.basalt.primitives.scale.ScaleCodec;
import java.util.List;
import java.util.Optional;

/**
 * A block with its finality proofs, as {@code chain_getBlock} returns it and as {@code
 * export-blocks} writes it: {@code {block, justifications: Option<Vec<(ConsensusEngineId,
 * Vec<u8>)>>}}.
 *
 * @param block the block
 * @param justifications the justifications, if any
 */
public record SignedBlock(Block block, Optional<List<Justification>> justifications) {
  public static final ScaleCodec<SignedBlock> CODEC =
      ScaleCodec.of(
          "SignedBlock",
          (w, b) -> {
            Block.CODEC.encode(w, b.block);
            w.writeOption(b.justifications, Justification.LIST_CODEC);
          },
          r -> new SignedBlock(Block.CODEC.decode(r), r.readOption(Justification.LIST_CODEC)));

  public static SignedBlock of(Block block) {
    return new SignedBlock(block, Optional.empty());
  }
}
