/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.bytes.Bytes;
import java.util.Arrays;

/**
 * An immutable sequence of 4-bit nibbles: a path in the base-16 trie. A key byte {@code 0xAB}
 * becomes the nibbles {@code A, B} (high nibble first).
 */
public final class Nibbles implements Comparable<Nibbles> {
  /** The empty path. */
  public static final Nibbles EMPTY = new Nibbles(new byte[0]);

  /** One nibble value per byte, each in [0, 15]. */
  private final byte[] nibbles;

  private Nibbles(byte[] nibbles) {
    this.nibbles = nibbles;
  }

  /** The nibbles of a key, high nibble first. */
  public static Nibbles of(Bytes key) {
    return wrap(fromKey(key.unsafeArray()));
  }

  /**
   * Nibbles from explicit values.
   *
   * @throws IllegalArgumentException if a value is outside [0, 15]
   */
  public static Nibbles ofValues(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0 || values[i] > 15) {
        throw new IllegalArgumentException("not a nibble: " + values[i] + " at index " + i);
      }
      out[i] = (byte) values[i];
    }
    return wrap(out);
  }

  /** Wraps an array of nibble values without copying; the caller must not mutate it. */
  static Nibbles wrap(byte[] nibbles) {
    return nibbles.length == 0 ? EMPTY : new Nibbles(nibbles);
  }

  /** Expands key bytes to one nibble per byte. */
  static byte[] fromKey(byte[] key) {
    byte[] out = new byte[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      out[2 * i] = (byte) ((key[i] >> 4) & 0x0f);
      out[2 * i + 1] = (byte) (key[i] & 0x0f);
    }
    return out;
  }

  /** Packs an even number of nibbles back into bytes. */
  static byte[] toKey(byte[] nibbles, int length) {
    if ((length & 1) != 0) {
      throw new IllegalArgumentException("an odd number of nibbles (" + length + ") is not a key");
    }
    byte[] out = new byte[length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) ((nibbles[2 * i] << 4) | nibbles[2 * i + 1]);
    }
    return out;
  }

  public int length() {
    return nibbles.length;
  }

  public boolean isEmpty() {
    return nibbles.length == 0;
  }

  /** The nibble at {@code index}, in [0, 15]. */
  public int at(int index) {
    return nibbles[index];
  }

  /** The nibbles {@code [from, to)}. */
  public Nibbles slice(int from, int to) {
    return wrap(Arrays.copyOfRange(nibbles, from, to));
  }

  /** This path followed by the other one. */
  public Nibbles concat(Nibbles other) {
    byte[] out = Arrays.copyOf(nibbles, nibbles.length + other.nibbles.length);
    System.arraycopy(other.nibbles, 0, out, nibbles.length, other.nibbles.length);
    return wrap(out);
  }

  public boolean startsWith(Nibbles prefix) {
    return prefix.nibbles.length <= nibbles.length
        && Arrays.equals(nibbles, 0, prefix.nibbles.length, prefix.nibbles, 0, prefix.length());
  }

  /**
   * Packs the nibbles into key bytes.
   *
   * @throws IllegalArgumentException if the number of nibbles is odd
   */
  public Bytes toKey() {
    return Bytes.wrap(toKey(nibbles, nibbles.length));
  }

  /**
   * The shortest key whose nibbles start with this path: the path itself, with a zero nibble added
   * when its length is odd. A storage proof for that key (present or not) holds every node on this
   * path, which is how a forked chain fetches the node at a path.
   */
  public Bytes shortestKeyUnder() {
    if ((nibbles.length & 1) == 0) {
      return toKey();
    }
    byte[] padded = Arrays.copyOf(nibbles, nibbles.length + 1);
    return Bytes.wrap(toKey(padded, padded.length));
  }

  /** The nibble values as a fresh array, one per byte. */
  public byte[] toArray() {
    return nibbles.clone();
  }

  byte[] unsafeArray() {
    return nibbles;
  }

  @Override
  public int compareTo(Nibbles other) {
    return Arrays.compare(nibbles, other.nibbles);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Nibbles other && Arrays.equals(nibbles, other.nibbles);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(nibbles);
  }

  /** Hex digits, one per nibble: {@code Nibbles.ofValues(1, 10)} prints {@code 1a}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(nibbles.length);
    for (byte n : nibbles) {
      sb.append(Character.forDigit(n, 16));
    }
    return sb.toString();
  }
}
