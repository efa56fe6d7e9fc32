/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.bytes;

import java.util.Arrays;

/**
 * An immutable byte string with value equality, ordered lexicographically as unsigned bytes (the
 * order of storage keys in Substrate).
 */
public final class Bytes implements Comparable<Bytes> {
  /** The empty byte string. */
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] data;
  private int hash;

  private Bytes(byte[] data) {
    this.data = data;
  }

  /** Wraps a copy of the given bytes. */
  public static Bytes of(byte... data) {
    return data.length == 0 ? EMPTY : new Bytes(data.clone());
  }

  /** Builds bytes from int values in {@code [0, 255]}: {@code Bytes.ofUnsigned(0x80, 1)}. */
  public static Bytes ofUnsigned(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0 || values[i] > 255) {
        throw new IllegalArgumentException("not a byte value: " + values[i]);
      }
      out[i] = (byte) values[i];
    }
    return wrap(out);
  }

  /**
   * Wraps the array without copying. The caller hands over ownership and must not mutate it later.
   */
  public static Bytes wrap(byte[] data) {
    return data.length == 0 ? EMPTY : new Bytes(data);
  }

  /** Parses {@code 0x}-prefixed (or bare) hex. */
  public static Bytes fromHex(CharSequence hex) {
    return wrap(Hex.decode(hex));
  }

  /** Returns the bytes as a fresh array. */
  public byte[] toArray() {
    return data.clone();
  }

  /**
   * Returns the backing array without copying. Callers must not mutate it; this exists for hot
   * paths such as hashing and trie encoding.
   */
  public byte[] unsafeArray() {
    return data;
  }

  public int length() {
    return data.length;
  }

  public boolean isEmpty() {
    return data.length == 0;
  }

  public byte get(int index) {
    return data[index];
  }

  /** Returns a copy of bytes {@code [from, to)}. */
  public Bytes slice(int from, int to) {
    return wrap(Arrays.copyOfRange(data, from, to));
  }

  /** Returns this byte string followed by the other one. */
  public Bytes concat(Bytes other) {
    byte[] out = Arrays.copyOf(data, data.length + other.data.length);
    System.arraycopy(other.data, 0, out, data.length, other.data.length);
    return wrap(out);
  }

  public boolean startsWith(Bytes prefix) {
    return startsWith(prefix.data);
  }

  public boolean startsWith(byte[] prefix) {
    return prefix.length <= data.length
        && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
  }

  public String toHex() {
    return Hex.encode(data);
  }

  @Override
  public int compareTo(Bytes other) {
    return Arrays.compareUnsigned(data, other.data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(data);
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    return toHex();
  }
}
