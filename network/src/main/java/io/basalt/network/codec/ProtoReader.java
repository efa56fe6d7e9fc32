/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.codec;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Bytes;
import java.io.IOException;

/**
 * Reads the fields of one protobuf message in order. Call {@link #next()} until it returns 0, and
 * for each field number either read it with the accessor of its declared type (which refuses a
 * wrong wire type) or {@link #skip()} it.
 *
 * <pre>{@code
 * ProtoReader r = new ProtoReader(bytes, "BlockRequest");
 * for (int field; (field = r.next()) != 0; ) {
 *   switch (field) {
 *     case 1 -> fields = r.uint32();
 *     default -> r.skip();
 *   }
 * }
 * }</pre>
 */
public final class ProtoReader {
  private final CodedInputStream in;
  private final String message;
  private int tag;

  public ProtoReader(byte[] bytes, String message) {
    this.in = CodedInputStream.newInstance(bytes);
    this.message = message;
  }

  /**
   * Moves to the next field and returns its number, or 0 at the end of the message.
   *
   * @throws FrameException on a malformed tag
   */
  public int next() {
    try {
      tag = in.readTag();
    } catch (IOException e) {
      throw fail("a malformed field tag: " + e.getMessage());
    }
    if (tag != 0 && WireFormat.getTagFieldNumber(tag) == 0) {
      throw fail("field number 0");
    }
    return WireFormat.getTagFieldNumber(tag);
  }

  /** Skips the current field (unknown fields are ignored, as protobuf requires). */
  public void skip() {
    try {
      if (!in.skipField(tag)) {
        throw fail("an unexpected end-group tag");
      }
    } catch (IOException e) {
      throw fail("field " + field() + " does not skip: " + e.getMessage());
    }
  }

  /** The current field as a length-delimited byte string. */
  public Bytes bytes() {
    expect(WireFormat.WIRETYPE_LENGTH_DELIMITED);
    try {
      return Bytes.wrap(in.readByteArray());
    } catch (IOException e) {
      throw fail("field " + field() + " is truncated: " + e.getMessage());
    }
  }

  /** The current field as a UTF-8 string. */
  public String string() {
    expect(WireFormat.WIRETYPE_LENGTH_DELIMITED);
    try {
      return in.readStringRequireUtf8();
    } catch (IOException e) {
      throw fail("field " + field() + " is not a UTF-8 string: " + e.getMessage());
    }
  }

  /** The current field as a varint (uint32, int32, uint64, enum), all 64 bits. */
  public long varint() {
    expect(WireFormat.WIRETYPE_VARINT);
    try {
      return in.readRawVarint64();
    } catch (IOException e) {
      throw fail("field " + field() + " is a malformed varint: " + e.getMessage());
    }
  }

  /** The current field as a {@code uint32}, refusing values above 32 bits. */
  public long uint32() {
    long value = varint();
    if (value < 0 || value > 0xffff_ffffL) {
      throw fail("field " + field() + " exceeds uint32: " + Long.toUnsignedString(value));
    }
    return value;
  }

  /** The current field as a {@code bool}. */
  public boolean bool() {
    return varint() != 0;
  }

  /** The current field as an {@code int32} (negative values are 10-byte varints). */
  public int int32() {
    return (int) varint();
  }

  /** A failure about this message. */
  public FrameException fail(String what) {
    return new FrameException("malformed " + message + ": " + what);
  }

  private int field() {
    return WireFormat.getTagFieldNumber(tag);
  }

  private void expect(int wireType) {
    int actual = WireFormat.getTagWireType(tag);
    if (actual != wireType) {
      throw fail(
          "field " + field() + " has wire type " + actual + " where " + wireType + " is expected");
    }
  }
}
