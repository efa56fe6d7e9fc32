/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.chainspec;

import io.basalt.primitives.bytes.Bytes;
import java.io.Writer;
import java.util.Arrays;

/**
 * Decodes {@code 0x}-prefixed hex text handed over in chunks (Jackson's {@code getText(Writer)}),
 * so a large storage value is never held as one {@code String}. Errors are {@link
 * IllegalArgumentException}s with {@code Hex.decode}'s wording: a non-hex character and its offset
 * in the text, an odd number of digits, a missing prefix.
 */
final class HexValueWriter extends Writer {
  private byte[] out;
  private int size;
  private long offset;
  private int high = -1;
  private boolean prefixed;

  /** A writer for a text of {@code length} characters (its value is allocated once). */
  HexValueWriter(int length) {
    out = new byte[Math.max(0, (length - 2) / 2)];
  }

  @Override
  public void write(char[] chars, int from, int length) {
    int i = from;
    int end = from + length;
    while (i < end && (offset < 2 || high >= 0)) {
      write(chars[i++]);
    }
    // The bulk: whole digit pairs, decoded without per-character bookkeeping.
    int pairs = (end - i) / 2;
    if (size + pairs > out.length) {
      out = Arrays.copyOf(out, Math.max(size + pairs, out.length * 2));
    }
    for (int k = 0; k < pairs; k++, i += 2) {
      int h = digit(chars[i], offset);
      int l = digit(chars[i + 1], offset + 1);
      out[size++] = (byte) ((h << 4) | l);
      offset += 2;
    }
    while (i < end) {
      write(chars[i++]);
    }
  }

  private static int digit(char c, long at) {
    int v = c <= 'f' ? Character.digit(c, 16) : -1;
    if (v < 0) {
      throw new IllegalArgumentException("invalid hex character '" + c + "' at offset " + at);
    }
    return v;
  }

  @Override
  public void write(int c) {
    long at = offset++;
    if (at < 2) {
      if ((at == 0 && c != '0') || (at == 1 && (c | 0x20) != 'x')) {
        throw new IllegalArgumentException("not 0x-prefixed hex");
      }
      prefixed = at == 1;
      return;
    }
    int v = digit((char) c, at);
    if (high < 0) {
      high = v;
      return;
    }
    if (size == out.length) {
      out = Arrays.copyOf(out, Math.max(16, out.length * 2));
    }
    out[size++] = (byte) ((high << 4) | v);
    high = -1;
  }

  @Override
  public void write(String text, int from, int length) {
    for (int i = from; i < from + length; i++) {
      write(text.charAt(i));
    }
  }

  /** The bytes written so far. */
  Bytes value() {
    if (!prefixed) {
      throw new IllegalArgumentException("not 0x-prefixed hex");
    }
    if (high >= 0) {
      throw new IllegalArgumentException("odd number of hex digits (" + (offset - 2) + ")");
    }
    return Bytes.wrap(size == out.length ? out : Arrays.copyOf(out, size));
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
