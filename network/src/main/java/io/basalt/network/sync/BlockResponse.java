/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.sync;

import io.basalt.network.codec.Decoding;
import io.basalt.network.codec.ProtoReader;
import io.basalt.network.codec.ProtoWriter;
import io.basalt.network.frame.FrameException;
import java.util.ArrayList;
import java.util.List;

/**
 * A block response (protobuf {@code api.v1.BlockResponse}): {@code repeated BlockData blocks = 1}.
 *
 * @param blocks the blocks, in the requested direction
 */
public record BlockResponse(List<BlockData> blocks) {

  public BlockResponse {
    blocks = List.copyOf(blocks);
  }

  public byte[] encode() {
    ProtoWriter w = new ProtoWriter();
    blocks.forEach(b -> w.bytes(1, b.encode()));
    return w.toByteArray();
  }

  /**
   * Decodes a block response.
   *
   * @throws FrameException if the bytes are not a valid block response
   */
  public static BlockResponse decode(byte[] bytes) {
    return Decoding.protobuf(
        bytes,
        "BlockResponse",
        r -> {
          List<BlockData> blocks = new ArrayList<>();
          for (int field; (field = r.next()) != 0; ) {
            if (field == 1) {
              blocks.add(BlockData.read(new ProtoReader(r.bytes().unsafeArray(), "BlockData")));
            } else {
              r.skip();
            }
          }
          return new BlockResponse(blocks);
        });
  }
}
