/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.bytes;

import java.util.Arrays;

/** Base58 with the Bitcoin alphabet, as SS58 addresses and libp2p peer ids use it. */
public final class Base58 {
  private static final char[] ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
  private static final int[] INDEXES = new int[128];

  static {
    Arrays.fill(INDEXES, -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      INDEXES[ALPHABET[i]] = i;
    }
  }

  private Base58() {}

  public static String encode(byte[] input) {
    int zeros = 0;
    while (zeros < input.length && input[zeros] == 0) {
      zeros++;
    }
    byte[] digits = new byte[input.length * 2]; // base-58 digits, little-endian
    int length = 0;
    for (byte b : input) {
      int carry = b & 0xff;
      for (int j = 0; j < length; j++) {
        carry += (digits[j] & 0xff) << 8;
        digits[j] = (byte) (carry % 58);
        carry /= 58;
      }
      while (carry > 0) {
        digits[length++] = (byte) (carry % 58);
        carry /= 58;
      }
    }
    StringBuilder out = new StringBuilder(zeros + length);
    out.append("1".repeat(zeros));
    for (int i = length - 1; i >= 0; i--) {
      out.append(ALPHABET[digits[i]]);
    }
    return out.toString();
  }

  /**
   * Decodes base58 text.
   *
   * @throws IllegalArgumentException naming the first character outside the alphabet
   */
  public static byte[] decode(String input) {
    int zeros = 0;
    while (zeros < input.length() && input.charAt(zeros) == '1') {
      zeros++;
    }
    byte[] bytes = new byte[input.length()]; // base-256 digits, little-endian
    int length = 0;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      int digit = c < 128 ? INDEXES[c] : -1;
      if (digit < 0) {
        throw new IllegalArgumentException(
            "'" + c + "' at position " + i + " is not a base58 character");
      }
      int carry = digit;
      for (int j = 0; j < length; j++) {
        carry += (bytes[j] & 0xff) * 58;
        bytes[j] = (byte) carry;
        carry >>>= 8;
      }
      while (carry > 0) {
        bytes[length++] = (byte) carry;
        carry >>>= 8;
      }
    }
    byte[] out = new byte[zeros + length];
    for (int i = 0; i < length; i++) {
      out[zeros + i] = bytes[length - 1 - i];
    }
    return out;
  }
}
