/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import io.basalt.primitives.types.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * A 4-byte key type, e.g. {@code babe}, {@code gran}, {@code aura}, {@code imon}.
 *
 * @param value the four bytes
 */
public record KeyTypeId(Bytes value) {
  public KeyTypeId {
    if (value.length() != 4) {
      throw new IllegalArgumentException("a key type id is 4 bytes, got " + value.length());
    }
  }

  /** A key type from its four ASCII characters. */
  public static KeyTypeId of(String ascii) {
    return new KeyTypeId(Bytes.wrap(ascii.getBytes(StandardCharsets.US_ASCII)));
  }

  @Override
  public String toString() {
    return new String(value.unsafeArray(), StandardCharsets.ISO_8859_1);
  }
}
