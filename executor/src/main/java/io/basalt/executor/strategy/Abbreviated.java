/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.strategy;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;

/** Short hex forms of keys and values for log lines. */
final class Abbreviated {
  private static final int KEY_EDGE = 4;
  private static final int VALUE_HEAD = 8;

  private Abbreviated() {}

  /** A key: whole up to 8 bytes, else its first and last 4 bytes ({@code 0x26aa394e…8f3cb710}). */
  static String key(Bytes key) {
    byte[] k = key.unsafeArray();
    if (k.length <= 2 * KEY_EDGE) {
      return Hex.encode(k);
    }
    return Hex.encode(k, 0, KEY_EDGE)
        + "…"
        + Hex.encodeBare(java.util.Arrays.copyOfRange(k, k.length - KEY_EDGE, k.length));
  }

  /** A value: whole up to 8 bytes, else its first 8 bytes and length ({@code 0x01…(32 B)}). */
  static String value(Bytes value) {
    byte[] v = value.unsafeArray();
    if (v.length <= VALUE_HEAD) {
      return Hex.encode(v);
    }
    return Hex.encode(v, 0, VALUE_HEAD) + "…(" + v.length + " B)";
  }
}
