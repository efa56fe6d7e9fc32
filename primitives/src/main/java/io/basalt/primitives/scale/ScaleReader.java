/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.scale;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads SCALE values from a byte array, never past its end.
 *
 * <p>Every read checks the remaining length first and fails with a {@link ScaleDecodingException}
 * carrying the offset and the expected type. Compact integers must be canonically encoded (the
 * shortest form), as parity-scale-codec requires.
 */
public final class ScaleReader {
  private static final BigInteger U128_LIMIT = BigInteger.ONE.shiftLeft(128);

  private final byte[] data;
  private final int end;
  private int pos;

  public ScaleReader(byte[] data) {
    this(data, 0, data.length);
  }

  public ScaleReader(byte[] data, int offset, int length) {
    this.data = data;
    this.pos = offset;
    this.end = offset + length;
  }

  public ScaleReader(Bytes bytes) {
    this(bytes.unsafeArray());
  }

  /** The current offset into the input. */
  public int position() {
    return pos;
  }

  /** Returns a copy of the input from {@code start} up to the current position. */
  public Bytes consumedSince(int start) {
    if (start < 0 || start > pos) {
      throw new IllegalArgumentException("start " + start + " is not before position " + pos);
    }
    return Bytes.wrap(java.util.Arrays.copyOfRange(data, start, pos));
  }

  public int remaining() {
    return end - pos;
  }

  public boolean hasRemaining() {
    return pos < end;
  }

  /** Fails unless all input has been consumed; call after decoding a whole value. */
  public void expectEnd(String type) {
    if (pos != end) {
      throw new ScaleDecodingException(
          pos, type, (end - pos) + " trailing byte(s) after the value");
    }
  }

  private void require(int n, String type) {
    if (n < 0 || end - pos < n) {
      throw new ScaleDecodingException(
          pos, type, "needs " + n + " byte(s) but only " + (end - pos) + " remain");
    }
  }

  public int readU8() {
    require(1, "u8");
    return data[pos++] & 0xff;
  }

  public int readI8() {
    require(1, "i8");
    return data[pos++];
  }

  public boolean readBool() {
    require(1, "bool");
    int b = data[pos];
    if (b != 0 && b != 1) {
      throw new ScaleDecodingException(pos, "bool", "byte must be 0 or 1, got " + (b & 0xff));
    }
    pos++;
    return b == 1;
  }

  /** The one-byte {@code Option<bool>}: 0 = None, 1 = Some(true), 2 = Some(false). */
  public Optional<Boolean> readOptionBool() {
    require(1, "Option<bool>");
    int b = data[pos] & 0xff;
    if (b > 2) {
      throw new ScaleDecodingException(pos, "Option<bool>", "byte must be 0, 1 or 2, got " + b);
    }
    pos++;
    return b == 0 ? Optional.empty() : Optional.of(b == 1);
  }

  public int readU16() {
    require(2, "u16");
    int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8;
    pos += 2;
    return v;
  }

  public short readI16() {
    return (short) readU16();
  }

  /** Reads a u32 as a Java int holding the same bits; use {@link #readU32AsLong} for its value. */
  public int readI32() {
    require(4, "u32");
    int v =
        (data[pos] & 0xff)
            | (data[pos + 1] & 0xff) << 8
            | (data[pos + 2] & 0xff) << 16
            | (data[pos + 3] & 0xff) << 24;
    pos += 4;
    return v;
  }

  public long readU32AsLong() {
    return readI32() & 0xffffffffL;
  }

  /** Reads a u32 that must fit a non-negative int (lengths, indices, versions). */
  public int readU32AsInt() {
    int at = pos;
    int v = readI32();
    if (v < 0) {
      throw new ScaleDecodingException(at, "u32", "value " + (v & 0xffffffffL) + " is too large");
    }
    return v;
  }

  /** Reads a u64 (or i64) as the same 64 bits. */
  public long readI64() {
    require(8, "u64");
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (data[pos + i] & 0xff);
    }
    pos += 8;
    return v;
  }

  public BigInteger readU128() {
    require(16, "u128");
    return new BigInteger(1, reversed(16));
  }

  public BigInteger readI128() {
    require(16, "i128");
    return new BigInteger(reversed(16));
  }

  private byte[] reversed(int n) {
    byte[] be = new byte[n];
    for (int i = 0; i < n; i++) {
      be[n - 1 - i] = data[pos + i];
    }
    pos += n;
    return be;
  }

  /** Reads a compact integer of up to 128 bits. */
  public BigInteger readCompact() {
    int at = pos;
    require(1, "Compact");
    int mode = data[pos] & 0x03;
    if (mode != 3) {
      return BigInteger.valueOf(readCompactSmall(at, "Compact"));
    }
    int n = ((data[pos] & 0xff) >>> 2) + 4;
    if (n > 16) {
      throw new ScaleDecodingException(at, "Compact", "big-integer mode with " + n + " bytes");
    }
    pos++;
    require(n, "Compact");
    BigInteger v = new BigInteger(1, reversed(n));
    // Canonical: needs more than 30 bits, and no shorter big-integer form fits.
    if (v.bitLength() <= 30 || (n > 4 && v.bitLength() <= (n - 1) * 8)) {
      throw new ScaleDecodingException(at, "Compact", "non-canonical encoding of " + v);
    }
    if (v.compareTo(U128_LIMIT) >= 0) {
      throw new ScaleDecodingException(at, "Compact", "value exceeds 128 bits");
    }
    return v;
  }

  /** Reads a compact integer that must fit in 64 bits (unsigned). */
  public long readCompactLong() {
    int at = pos;
    require(1, "Compact<u64>");
    if ((data[pos] & 0x03) != 3) {
      return readCompactSmall(at, "Compact<u64>");
    }
    BigInteger v = readCompact();
    if (v.bitLength() > 64) {
      throw new ScaleDecodingException(at, "Compact<u64>", "value " + v + " exceeds 64 bits");
    }
    return v.longValue();
  }

  /** Reads a compact integer that must fit a non-negative int: lengths, counts, u32 numbers. */
  public int readCompactInt() {
    int at = pos;
    long v = readCompactLong();
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw new ScaleDecodingException(
          at, "Compact<u32>", "value " + Long.toUnsignedString(v) + " is too large");
    }
    return (int) v;
  }

  /** Reads a compact u32 as its unsigned value. */
  public long readCompactU32() {
    int at = pos;
    long v = readCompactLong();
    if (v < 0 || v > 0xffffffffL) {
      throw new ScaleDecodingException(
          at, "Compact<u32>", "value " + Long.toUnsignedString(v) + " exceeds u32");
    }
    return v;
  }

  private long readCompactSmall(int at, String type) {
    int b0 = data[pos] & 0xff;
    int mode = b0 & 0x03;
    if (mode == 0) {
      pos++;
      return (long) b0 >>> 2;
    }
    if (mode == 1) {
      require(2, type);
      long v = (long) readU16() >>> 2;
      if (v < 1 << 6) {
        throw new ScaleDecodingException(at, type, "non-canonical encoding of " + v);
      }
      return v;
    }
    require(4, type);
    long v = readU32AsLong() >>> 2;
    if (v < 1 << 14) {
      throw new ScaleDecodingException(at, type, "non-canonical encoding of " + v);
    }
    return v;
  }

  /** Reads exactly {@code n} raw bytes. */
  public byte[] readRaw(int n, String type) {
    require(n, type);
    byte[] out = new byte[n];
    System.arraycopy(data, pos, out, 0, n);
    pos += n;
    return out;
  }

  /** Reads {@code n} raw bytes (no length prefix). */
  public Bytes readFixed(int n) {
    return Bytes.wrap(readRaw(n, "[u8; " + n + "]"));
  }

  public Hash256 readHash256() {
    return Hash256.wrap(readRaw(32, "[u8; 32]"));
  }

  /** Reads a {@code Vec<u8>}: compact length then the bytes. */
  public Bytes readByteVec() {
    int at = pos;
    int n = readCompactInt();
    if (n > remaining()) {
      throw new ScaleDecodingException(
          at, "Vec<u8>", "length " + n + " exceeds the " + remaining() + " remaining byte(s)");
    }
    return Bytes.wrap(readRaw(n, "Vec<u8>"));
  }

  /** Reads a UTF-8 {@code String}: compact length then the bytes. */
  public String readString() {
    int at = pos;
    byte[] raw = readByteVec().unsafeArray();
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ScaleDecodingException(at, "String", "invalid UTF-8");
    }
  }

  /** Reads an enum/variant index byte, checking it is below {@code variants}. */
  public int readVariant(String type, int variants) {
    int at = pos;
    require(1, type);
    int index = data[pos] & 0xff;
    if (index >= variants) {
      throw new ScaleDecodingException(at, type, "unknown variant index " + index);
    }
    pos++;
    return index;
  }

  /** Reads an {@code Option<T>}. */
  public <T> Optional<T> readOption(ScaleCodec<T> codec) {
    int at = pos;
    require(1, "Option");
    int tag = data[pos] & 0xff;
    if (tag > 1) {
      throw new ScaleDecodingException(at, "Option", "tag must be 0 or 1, got " + tag);
    }
    pos++;
    return tag == 0 ? Optional.empty() : Optional.of(codec.decode(this));
  }

  /** Reads a {@code Vec<T>}: compact count then the items. */
  public <T> List<T> readVec(ScaleCodec<T> codec) {
    int at = pos;
    int n = readCompactInt();
    // Every item takes at least one byte (zero-sized items are not used on chain).
    if (n > remaining()) {
      throw new ScaleDecodingException(
          at, "Vec", "count " + n + " exceeds the " + remaining() + " remaining byte(s)");
    }
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(codec.decode(this));
    }
    return out;
  }
}
