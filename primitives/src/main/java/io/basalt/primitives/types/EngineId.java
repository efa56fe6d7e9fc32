/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.types;

import io.basalt.primitives.bytes.Hex;
import java.nio.charset.StandardCharsets;

/**
 * A 4-byte consensus engine id such as {@code BABE}, {@code aura}, {@code FRNK} (GRANDPA).
 *
 * @param value the four bytes packed big-endian into an int
 */
public record EngineId(int value) {
  public static final EngineId BABE = of("BABE");
  public static final EngineId AURA = of("aura");
  public static final EngineId GRANDPA = of("FRNK");

  /** Builds an engine id from exactly four ASCII characters. */
  public static EngineId of(String ascii) {
    byte[] b = ascii.getBytes(StandardCharsets.US_ASCII);
    if (b.length != 4) {
      throw new IllegalArgumentException("an engine id has 4 characters: " + ascii);
    }
    return fromBytes(b);
  }

  public static EngineId fromBytes(byte[] b) {
    if (b.length != 4) {
      throw new IllegalArgumentException("an engine id has 4 bytes, got " + b.length);
    }
    return new EngineId(
        (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff));
  }

  public byte[] toBytes() {
    return new byte[] {
      (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
    };
  }

  @Override
  public String toString() {
    byte[] b = toBytes();
    for (byte c : b) {
      if (c < 0x20 || c > 0x7e) {
        return Hex.encode(b);
      }
    }
    return new String(b, StandardCharsets.US_ASCII);
  }
}
