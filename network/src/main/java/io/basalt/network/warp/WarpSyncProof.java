/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.warp;

import io.basalt.network.codec.Decoding;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleWriter;
import java.util.List;

/**
 * A warp sync response, SCALE {@code { proofs: Vec<WarpSyncFragment>, is_finished: bool }}.
 *
 * @param fragments the authority-set changes, oldest first
 * @param isFinished whether the last fragment reaches the responder's latest finalized block
 *     (otherwise ask again from the last fragment's block)
 */
public record WarpSyncProof(List<WarpSyncFragment> fragments, boolean isFinished) {
  private static final ScaleCodec<List<WarpSyncFragment>> FRAGMENTS =
      ScaleCodec.vec(WarpSyncFragment.CODEC);

  public WarpSyncProof {
    fragments = List.copyOf(fragments);
  }

  public byte[] encode() {
    ScaleWriter w = new ScaleWriter();
    FRAGMENTS.encode(w, fragments);
    return w.writeBool(isFinished).toByteArray();
  }

  /**
   * Decodes a warp sync proof; trailing bytes are refused.
   *
   * @throws FrameException if the bytes are not a proof
   */
  public static WarpSyncProof decode(byte[] bytes) {
    return Decoding.scale(
        bytes, "WarpSyncProof", r -> new WarpSyncProof(FRAGMENTS.decode(r), r.readBool()));
  }
}
