/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.sync;

import io.basalt.network.codec.Decoding;
import io.basalt.network.codec.ProtoReader;
import io.basalt.network.codec.ProtoWriter;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A block request (protobuf {@code api.v1.BlockRequest}): {@code fields = 1} (uint32, attribute
 * byte in the top byte, see {@link BlockAttribute}), {@code hash = 2} or {@code number = 3} (the
 * {@code from_block} oneof; the number is its SCALE encoding), {@code direction = 5}, {@code
 * max_blocks = 6} (0 means the responder's own limit), {@code support_multiple_justifications = 7}.
 *
 * @param fields what to return for each block
 * @param from the first block
 * @param direction which way to walk from it
 * @param maxBlocks at most this many blocks, 0 for the responder's limit (a uint32)
 * @param supportMultipleJustifications whether the responder may fill {@code justifications}
 */
public record BlockRequest(
    Set<BlockAttribute> fields,
    FromBlock from,
    Direction direction,
    int maxBlocks,
    boolean supportMultipleJustifications) {

  public BlockRequest {
    fields = fields.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(fields));
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(direction, "direction");
  }

  public byte[] encode() {
    ProtoWriter w = new ProtoWriter().varintIfSet(1, (long) BlockAttribute.mask(fields) << 24);
    switch (from) {
      case FromBlock.Hash(Hash256 hash) -> w.bytes(2, hash.unsafeArray());
      case FromBlock.Number(long number) ->
          w.bytes(3, new ScaleWriter(4).writeU32(number).toByteArray());
    }
    return w.varintIfSet(5, direction.value())
        .varintIfSet(6, Integer.toUnsignedLong(maxBlocks))
        .boolIfSet(7, supportMultipleJustifications)
        .toByteArray();
  }

  /**
   * Decodes a block request. The start block is required; a number may be 4 (u32) or 8 (u64) bytes
   * little-endian. As in Substrate, only the top byte of {@code fields} counts.
   *
   * @throws FrameException if the bytes are not a valid block request
   */
  public static BlockRequest decode(byte[] bytes) {
    return Decoding.protobuf(
        bytes,
        "BlockRequest",
        r -> {
          long fields = 0;
          FromBlock from = null;
          long direction = 0;
          long max = 0;
          boolean multiple = false;
          for (int field; (field = r.next()) != 0; ) {
            switch (field) {
              case 1 -> fields = r.uint32();
              case 2 -> from = new FromBlock.Hash(hash(r, r.bytes()));
              case 3 -> from = new FromBlock.Number(number(r, r.bytes()));
              case 5 -> direction = r.varint();
              case 6 -> max = r.uint32();
              case 7 -> multiple = r.bool();
              default -> r.skip();
            }
          }
          if (from == null) {
            throw r.fail("no start block (neither hash nor number)");
          }
          Set<BlockAttribute> attributes;
          try {
            attributes = BlockAttribute.of((int) (fields >>> 24));
          } catch (IllegalArgumentException e) {
            throw r.fail(e.getMessage());
          }
          long directionValue = direction;
          Direction dir =
              Direction.ofValue(direction)
                  .orElseThrow(() -> r.fail("unknown direction " + directionValue));
          return new BlockRequest(attributes, from, dir, (int) max, multiple);
        });
  }

  private static Hash256 hash(ProtoReader r, Bytes bytes) {
    if (bytes.length() != Hash256.LENGTH) {
      throw r.fail("a start hash of " + bytes.length() + " bytes");
    }
    return Hash256.wrap(bytes.toArray());
  }

  private static long number(ProtoReader r, Bytes bytes) {
    ScaleReader scale = new ScaleReader(bytes);
    return switch (bytes.length()) {
      case 4 -> scale.readU32AsLong();
      case 8 -> {
        long n = scale.readI64();
        if (n < 0 || n > 0xffff_ffffL) {
          throw r.fail("start number " + Long.toUnsignedString(n) + " exceeds u32");
        }
        yield n;
      }
      default -> throw r.fail("a start number of " + bytes.length() + " bytes");
    };
  }
}
