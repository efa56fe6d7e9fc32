/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.scale;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/** Writes SCALE values into a growable buffer. */
public final class ScaleWriter {
  private byte[] buf;
  private int size;

  public ScaleWriter() {
    this(64);
  }

  public ScaleWriter(int initialCapacity) {
    buf = new byte[Math.max(initialCapacity, 16)];
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }

  public int size() {
    return size;
  }

  /** Returns the bytes written so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  public Bytes toBytes() {
    return Bytes.wrap(toByteArray());
  }

  public ScaleWriter writeU8(int v) {
    ensure(1);
    buf[size++] = (byte) v;
    return this;
  }

  public ScaleWriter writeBool(boolean v) {
    return writeU8(v ? 1 : 0);
  }

  /** The one-byte {@code Option<bool>}: 0 = None, 1 = Some(true), 2 = Some(false). */
  public ScaleWriter writeOptionBool(Optional<Boolean> v) {
    return writeU8(v.isEmpty() ? 0 : v.get() ? 1 : 2);
  }

  public ScaleWriter writeU16(int v) {
    ensure(2);
    buf[size++] = (byte) v;
    buf[size++] = (byte) (v >>> 8);
    return this;
  }

  /** Writes the low 32 bits of {@code v} as a u32/i32. */
  public ScaleWriter writeU32(long v) {
    ensure(4);
    buf[size++] = (byte) v;
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) (v >>> 16);
    buf[size++] = (byte) (v >>> 24);
    return this;
  }

  /** Writes the 64 bits of {@code v} as a u64/i64. */
  public ScaleWriter writeU64(long v) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buf[size++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  /** Writes a u128 (must be in {@code [0, 2^128)}). */
  public ScaleWriter writeU128(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 128) {
      throw new IllegalArgumentException("not a u128: " + v);
    }
    return writeLittleEndian(v, 16);
  }

  /** Writes an i128 (two's complement). */
  public ScaleWriter writeI128(BigInteger v) {
    if (v.bitLength() > 127) {
      throw new IllegalArgumentException("not an i128: " + v);
    }
    return writeLittleEndian(v, 16);
  }

  private ScaleWriter writeLittleEndian(BigInteger v, int n) {
    byte[] be = v.toByteArray();
    ensure(n);
    byte pad = v.signum() < 0 ? (byte) 0xff : 0;
    for (int i = 0; i < n; i++) {
      int src = be.length - 1 - i;
      buf[size++] = src >= 0 ? be[src] : pad;
    }
    return this;
  }

  /** Writes a compact integer; {@code v} is read as unsigned. */
  public ScaleWriter writeCompact(long v) {
    if (v >= 0 && v < 1L << 6) {
      return writeU8((int) (v << 2));
    }
    if (v >= 0 && v < 1L << 14) {
      return writeU16((int) (v << 2) | 1);
    }
    if (v >= 0 && v < 1L << 30) {
      return writeU32((v << 2) | 2);
    }
    int n = (64 - Long.numberOfLeadingZeros(v) + 7) / 8;
    writeU8(((n - 4) << 2) | 3);
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[size++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  /** Writes a compact integer of up to 128 bits. */
  public ScaleWriter writeCompact(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 128) {
      throw new IllegalArgumentException(
          "compact integers are unsigned and at most 128 bits: " + v);
    }
    if (v.bitLength() <= 63) {
      return writeCompact(v.longValue());
    }
    int n = (v.bitLength() + 7) / 8;
    writeU8(((n - 4) << 2) | 3);
    return writeLittleEndian(v, n);
  }

  /** Writes raw bytes (no length prefix). */
  public ScaleWriter writeRaw(byte[] bytes) {
    return writeRaw(bytes, 0, bytes.length);
  }

  public ScaleWriter writeRaw(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buf, size, length);
    size += length;
    return this;
  }

  public ScaleWriter writeRaw(Bytes bytes) {
    return writeRaw(bytes.unsafeArray());
  }

  public ScaleWriter writeHash(Hash256 hash) {
    return writeRaw(hash.unsafeArray());
  }

  /** Writes a {@code Vec<u8>}: compact length then the bytes. */
  public ScaleWriter writeByteVec(byte[] bytes) {
    writeCompact(bytes.length);
    return writeRaw(bytes);
  }

  public ScaleWriter writeByteVec(Bytes bytes) {
    return writeByteVec(bytes.unsafeArray());
  }

  public ScaleWriter writeString(String s) {
    return writeByteVec(s.getBytes(StandardCharsets.UTF_8));
  }

  public <T> ScaleWriter writeOption(Optional<T> value, ScaleCodec<T> codec) {
    if (value.isEmpty()) {
      return writeU8(0);
    }
    writeU8(1);
    codec.encode(this, value.get());
    return this;
  }

  public <T> ScaleWriter writeVec(Collection<T> items, ScaleCodec<T> codec) {
    writeCompact(items.size());
    for (T item : items) {
      codec.encode(this, item);
    }
    return this;
  }
}
