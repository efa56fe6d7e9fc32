/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.keystore;

import io.basalt.primitives.bytes.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * A 4-byte key type ({@code sp_core::crypto::KeyTypeId}) naming what a key is for: {@code babe},
 * {@code gran}, {@code aura}, {@code acco}, ...
 *
 * @param id the four bytes
 */
public record KeyTypeId(Bytes id) {
  public static final KeyTypeId BABE = of("babe");
  public static final KeyTypeId GRANDPA = of("gran");
  public static final KeyTypeId AURA = of("aura");
  public static final KeyTypeId ACCOUNT = of("acco");
  public static final KeyTypeId IM_ONLINE = of("imon");
  public static final KeyTypeId AUTHORITY_DISCOVERY = of("audi");
  public static final KeyTypeId BEEFY = of("beef");

  public KeyTypeId {
    if (id.length() != 4) {
      throw new IllegalArgumentException("a key type id is 4 bytes, got " + id.length());
    }
  }

  /**
   * A key type from its 4-character name.
   *
   * @throws IllegalArgumentException if the name is not exactly 4 bytes in UTF-8
   */
  public static KeyTypeId of(String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    if (bytes.length != 4) {
      throw new IllegalArgumentException(
          "unknown key type '"
              + name
              + "': a key type is a 4-character sequence such as babe or gran");
    }
    return new KeyTypeId(Bytes.wrap(bytes));
  }

  /** Lower-case hex without {@code 0x}, as in keystore file names. */
  public String toHex() {
    return id.toHex().substring(2);
  }

  @Override
  public String toString() {
    return new String(id.unsafeArray(), StandardCharsets.UTF_8);
  }
}
