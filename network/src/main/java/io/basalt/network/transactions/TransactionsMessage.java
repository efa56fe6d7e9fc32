/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.transactions;

import io.basalt.network.codec.Decoding;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A transactions notification, SCALE {@code Vec<OpaqueExtrinsic>}: a compact count, then each
 * extrinsic's own encoding, which is itself {@code Compact<len> ‖ bytes}. Each element here is that
 * whole encoding, length prefix included: the form {@code author_submitExtrinsic} and the
 * transaction pool take.
 *
 * @param extrinsics the encoded extrinsics, each starting with its compact length
 */
public record TransactionsMessage(List<Bytes> extrinsics) {

  public TransactionsMessage {
    extrinsics = List.copyOf(extrinsics);
    for (Bytes extrinsic : extrinsics) {
      ScaleReader r = new ScaleReader(extrinsic);
      try {
        r.readByteVec();
        r.expectEnd("extrinsic");
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "an extrinsic must be its SCALE encoding (compact length then bytes): "
                + e.getMessage(),
            e);
      }
    }
  }

  public byte[] encode() {
    ScaleWriter w = new ScaleWriter().writeCompact(extrinsics.size());
    extrinsics.forEach(w::writeRaw);
    return w.toByteArray();
  }

  /**
   * Decodes a notification; trailing bytes are refused.
   *
   * @throws FrameException if the bytes are not a {@code Vec} of length-prefixed extrinsics
   */
  public static TransactionsMessage decode(byte[] bytes) {
    return Decoding.scale(
        bytes,
        "TransactionsMessage",
        r -> {
          int at = r.position();
          int count = r.readCompactInt();
          if (count > r.remaining()) {
            throw new FrameException(
                "malformed TransactionsMessage: "
                    + count
                    + " extrinsics in "
                    + r.remaining()
                    + " byte(s) at offset "
                    + at);
          }
          List<Bytes> extrinsics = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            int start = r.position();
            r.readByteVec();
            extrinsics.add(r.consumedSince(start));
          }
          return new TransactionsMessage(extrinsics);
        });
  }
}
