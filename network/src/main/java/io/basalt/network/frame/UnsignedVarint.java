/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.frame;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;

/**
 * The multiformats unsigned varint (LEB128, at most 9 bytes, minimal encoding), the length prefix
 * of multistream-select, Substrate's notifications and request-response messages, and multiaddr
 * codes.
 */
public final class UnsignedVarint {
  /** The longest encoding the multiformats spec allows (63 bits of value). */
  public static final int MAX_BYTES = 9;

  private UnsignedVarint() {}

  /** The number of bytes {@code value} takes. */
  public static int size(long value) {
    int size = 1;
    while ((value & ~0x7fL) != 0) {
      value >>>= 7;
      size++;
    }
    return size;
  }

  /** Appends {@code value} to {@code out}. */
  public static void write(long value, ByteArrayOutputStream out) {
    while ((value & ~0x7fL) != 0) {
      out.write((int) ((value & 0x7f) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }

  /** Appends {@code value} to {@code out}. */
  public static void write(long value, ByteBuf out) {
    while ((value & ~0x7fL) != 0) {
      out.writeByte((int) ((value & 0x7f) | 0x80));
      value >>>= 7;
    }
    out.writeByte((int) value);
  }

  /** The encoding of {@code value}. */
  public static byte[] encode(long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(MAX_BYTES);
    write(value, out);
    return out.toByteArray();
  }

  /**
   * Reads a varint at the reader index of {@code in}, or returns -1 and leaves the index where it
   * was when the buffer ends before the varint does (the caller waits for more bytes).
   *
   * @throws FrameException when the varint is longer than 9 bytes or not minimal
   */
  public static long read(ByteBuf in) {
    int start = in.readerIndex();
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      if (!in.isReadable()) {
        in.readerIndex(start);
        return -1;
      }
      int b = in.readUnsignedByte();
      value |= (long) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw new FrameException("a varint is not minimally encoded");
        }
        return value;
      }
    }
    throw new FrameException("a varint is longer than " + MAX_BYTES + " bytes");
  }

  /**
   * Reads a varint from {@code bytes} at {@code position[0]}, advancing it.
   *
   * @throws FrameException when the bytes end inside the varint, or it is too long or not minimal
   */
  public static long read(byte[] bytes, int[] position) {
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      if (position[0] >= bytes.length) {
        throw new FrameException("the bytes end inside a varint");
      }
      int b = bytes[position[0]++] & 0xff;
      value |= (long) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw new FrameException("a varint is not minimally encoded");
        }
        return value;
      }
    }
    throw new FrameException("a varint is longer than " + MAX_BYTES + " bytes");
  }
}
