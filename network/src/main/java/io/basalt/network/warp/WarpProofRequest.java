/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.warp;

import io.basalt.network.codec.Decoding;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Hash256;
import java.util.Objects;

/**
 * A warp sync request, SCALE {@code { begin: Hash }}: the 32-byte hash of the finalized block to
 * start from (the genesis hash at first).
 *
 * @param begin the block to prove from
 */
public record WarpProofRequest(Hash256 begin) {
  public WarpProofRequest {
    Objects.requireNonNull(begin, "begin");
  }

  public byte[] encode() {
    return begin.toArray();
  }

  /**
   * Decodes a request: exactly 32 bytes.
   *
   * @throws FrameException otherwise
   */
  public static WarpProofRequest decode(byte[] bytes) {
    return Decoding.scale(bytes, "WarpProofRequest", r -> new WarpProofRequest(r.readHash256()));
  }
}
