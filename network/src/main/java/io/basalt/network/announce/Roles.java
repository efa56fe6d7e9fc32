/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.announce;

import io.basalt.network.frame.FrameException;

/**
 * A node's roles as Substrate sends them: one byte of flags, {@code FULL = 1}, {@code LIGHT = 2},
 * {@code AUTHORITY = 4}. Other bits are refused, as Substrate's decoder does.
 *
 * @param bits the flags, a subset of {@code 0b111}
 */
public record Roles(int bits) {
  private static final int KNOWN = 0b111;

  public static final Roles FULL = new Roles(0b001);
  public static final Roles LIGHT = new Roles(0b010);
  public static final Roles AUTHORITY = new Roles(0b100);

  public Roles {
    if ((bits & ~KNOWN) != 0) {
      throw new IllegalArgumentException("unknown role bits in 0x" + Integer.toHexString(bits));
    }
  }

  public boolean isFull() {
    return (bits & FULL.bits) != 0;
  }

  public boolean isLight() {
    return (bits & LIGHT.bits) != 0;
  }

  public boolean isAuthority() {
    return (bits & AUTHORITY.bits) != 0;
  }

  /** The one-byte encoding. */
  public byte[] encode() {
    return new byte[] {(byte) bits};
  }

  /**
   * Decodes the one-byte encoding.
   *
   * @throws FrameException unless it is exactly one byte of known flags
   */
  public static Roles decode(byte[] bytes) {
    if (bytes.length != 1) {
      throw new FrameException("malformed Roles: " + bytes.length + " bytes instead of 1");
    }
    return ofByte(bytes[0] & 0xff);
  }

  static Roles ofByte(int value) {
    if ((value & ~KNOWN) != 0) {
      throw new FrameException(
          "malformed Roles: unknown role bits in 0x" + Integer.toHexString(value));
    }
    return new Roles(value);
  }
}
