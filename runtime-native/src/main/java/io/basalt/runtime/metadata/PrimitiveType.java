/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata;

/** scale-info's primitive types, with their SCALE variant index. */
public enum PrimitiveType {
  BOOL(0),
  CHAR(1),
  STR(2),
  U8(3),
  U16(4),
  U32(5),
  U64(6),
  U128(7),
  U256(8),
  I8(9),
  I16(10),
  I32(11),
  I64(12),
  I128(13),
  I256(14);

  private final int index;

  PrimitiveType(int index) {
    this.index = index;
  }

  /** The variant index in scale-info's {@code TypeDefPrimitive}. */
  public int index() {
    return index;
  }
}
