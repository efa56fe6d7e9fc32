/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.types;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleCodec;
import java.util.List;

/**
 * A block: header and body. The body is {@code Vec<OpaqueExtrinsic>}: each extrinsic is held here
 * as its payload, and encoded with its own compact length prefix.
 *
 * @param header the header
 * @param extrinsics the extrinsic payloads, in order, without their length prefixes
 */
public record Block(Header header, List<Bytes> extrinsics) {
  /** SCALE encoding of a body: {@code Vec<Vec<u8>>}. */
  public static final ScaleCodec<List<Bytes>> BODY_CODEC = ScaleCodec.vec(ScaleCodec.BYTES);

  public static final ScaleCodec<Block> CODEC =
      ScaleCodec.of(
          "Block",
          (w, b) -> {
            Header.CODEC.encode(w, b.header);
            BODY_CODEC.encode(w, b.extrinsics);
          },
          r -> new Block(Header.CODEC.decode(r), BODY_CODEC.decode(r)));

  public Block {
    extrinsics = List.copyOf(extrinsics);
  }

  public Hash256 hash() {
    return header.hash();
  }
}
