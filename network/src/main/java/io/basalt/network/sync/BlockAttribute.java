/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.sync;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a block request asks for, one bit each. On the wire the bits form one byte placed in the
 * <em>most significant</em> byte of the protobuf {@code fields} uint32 ({@code HEADER | BODY} is
 * {@code 0x03000000}), because Substrate converts the byte as big-endian.
 */
public enum BlockAttribute {
  HEADER(1),
  BODY(2),
  RECEIPT(4),
  MESSAGE_QUEUE(8),
  JUSTIFICATION(16),
  INDEXED_BODY(32);

  private final int bit;

  BlockAttribute(int bit) {
    this.bit = bit;
  }

  /** This attribute's bit in the one-byte mask. */
  public int bit() {
    return bit;
  }

  /** The one-byte mask of a set of attributes. */
  public static int mask(Set<BlockAttribute> attributes) {
    int mask = 0;
    for (BlockAttribute a : attributes) {
      mask |= a.bit;
    }
    return mask;
  }

  /**
   * The attributes in a one-byte mask.
   *
   * @throws IllegalArgumentException if the mask has a bit no attribute uses
   */
  public static Set<BlockAttribute> of(int mask) {
    Set<BlockAttribute> out = EnumSet.noneOf(BlockAttribute.class);
    int rest = mask;
    for (BlockAttribute a : values()) {
      if ((mask & a.bit) != 0) {
        out.add(a);
        rest &= ~a.bit;
      }
    }
    if (rest != 0) {
      throw new IllegalArgumentException(
          "unknown block attribute bits 0x" + Integer.toHexString(rest));
    }
    return out;
  }
}
