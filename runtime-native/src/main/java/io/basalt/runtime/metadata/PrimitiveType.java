/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata;

/** scale-info's primitive types; the ordinal is the SCALE variant index. */
public enum PrimitiveType {
  BOOL,
  CHAR,
  STR,
  U8,
  U16,
  U32,
  U64,
  U128,
  U256,
  I8,
  I16,
  I32,
  I64,
  I128,
  I256
}
