/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.bytes;

/**
 * Hexadecimal text as Substrate writes it: lower case, {@code 0x}-prefixed.
 *
 * <p>Decoding is strict: an odd number of digits or a non-hex character is an error that names the
 * offending position, because chain specs and RPC parameters are user input.
 */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();
  private static final byte[] VALUES = new byte[128];

  static {
    java.util.Arrays.fill(VALUES, (byte) -1);
    for (int i = 0; i < 10; i++) {
      VALUES['0' + i] = (byte) i;
    }
    for (int i = 0; i < 6; i++) {
      VALUES['a' + i] = (byte) (10 + i);
      VALUES['A' + i] = (byte) (10 + i);
    }
  }

  private Hex() {}

  /** Encodes bytes as {@code 0x}-prefixed lower-case hex. */
  public static String encode(byte[] bytes) {
    return encode(bytes, 0, bytes.length);
  }

  /** Encodes a slice of bytes as {@code 0x}-prefixed lower-case hex. */
  public static String encode(byte[] bytes, int offset, int length) {
    char[] out = new char[2 + 2 * length];
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < length; i++) {
      int b = bytes[offset + i] & 0xff;
      out[2 + 2 * i] = DIGITS[b >>> 4];
      out[3 + 2 * i] = DIGITS[b & 0x0f];
    }
    return new String(out);
  }

  /** Encodes bytes as hex without the {@code 0x} prefix. */
  public static String encodeBare(byte[] bytes) {
    return encode(bytes).substring(2);
  }

  /**
   * Decodes hex text with or without the {@code 0x} prefix.
   *
   * @throws IllegalArgumentException if the text has an odd number of digits or a non-hex digit
   */
  public static byte[] decode(CharSequence text) {
    int start = hasPrefix(text) ? 2 : 0;
    int digits = text.length() - start;
    if ((digits & 1) != 0) {
      throw new IllegalArgumentException(
          "odd number of hex digits (" + digits + ") in " + abbreviate(text));
    }
    byte[] out = new byte[digits / 2];
    for (int i = 0; i < out.length; i++) {
      int pos = start + 2 * i;
      out[i] = (byte) ((value(text, pos) << 4) | value(text, pos + 1));
    }
    return out;
  }

  /** Returns true if the text is {@code 0x}-prefixed. */
  public static boolean hasPrefix(CharSequence text) {
    return text.length() >= 2 && text.charAt(0) == '0' && (text.charAt(1) | 0x20) == 'x';
  }

  private static int value(CharSequence text, int pos) {
    char c = text.charAt(pos);
    int v = c < 128 ? VALUES[c] : -1;
    if (v < 0) {
      throw new IllegalArgumentException(
          "invalid hex character '" + c + "' at offset " + pos + " in " + abbreviate(text));
    }
    return v;
  }

  private static String abbreviate(CharSequence text) {
    return text.length() <= 24
        ? "\"" + text + "\""
        : "\"" + text.subSequence(0, 20) + "…\" (" + text.length() + " chars)";
  }
}
