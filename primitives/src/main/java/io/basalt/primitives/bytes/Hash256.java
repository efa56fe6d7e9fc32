/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.bytes;

import java.util.Arrays;

/** A 32-byte hash: block hashes, state roots, trie node hashes, code hashes. */
public final class Hash256 implements Comparable<Hash256> {
  public static final int LENGTH = 32;

  /** All zeros: the parent hash of the genesis block. */
  public static final Hash256 ZERO = new Hash256(new byte[LENGTH]);

  private final byte[] data;

  private Hash256(byte[] data) {
    this.data = data;
  }

  /** Wraps a copy of exactly 32 bytes. */
  public static Hash256 of(byte[] data) {
    return wrap(data.clone());
  }

  /** Wraps exactly 32 bytes without copying; the caller must not mutate the array afterwards. */
  public static Hash256 wrap(byte[] data) {
    if (data.length != LENGTH) {
      throw new IllegalArgumentException("a hash is 32 bytes, got " + data.length);
    }
    return new Hash256(data);
  }

  /** Parses 64 hex digits, {@code 0x}-prefixed or bare. */
  public static Hash256 fromHex(CharSequence hex) {
    return wrap(Hex.decode(hex));
  }

  public byte[] toArray() {
    return data.clone();
  }

  /** The backing array, for hot paths that only read it. */
  public byte[] unsafeArray() {
    return data;
  }

  public Bytes toBytes() {
    return Bytes.of(data);
  }

  public String toHex() {
    return Hex.encode(data);
  }

  @Override
  public int compareTo(Hash256 other) {
    return Arrays.compareUnsigned(data, other.data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash256 other && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    // Hashes are uniformly distributed: four bytes are as good as all of them.
    return (data[0] & 0xff) | (data[1] & 0xff) << 8 | (data[2] & 0xff) << 16 | data[3] << 24;
  }

  @Override
  public String toString() {
    return toHex();
  }
}
