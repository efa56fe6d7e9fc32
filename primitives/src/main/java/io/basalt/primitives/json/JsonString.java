/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.json;

/**
 * JSON string literals, as serde_json writes them. Encodes (short escapes for {@code \b \f \n \r
 * \t}, {@code \}{@code uXXXX} for other control characters) and decodes any valid JSON string
 * literal surrounded by optional whitespace.
 */
public final class JsonString {
  private JsonString() {}

  /** The JSON string literal of {@code value}, quotes included. */
  public static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * The value of a JSON string literal.
   *
   * @throws IllegalArgumentException if the text is not a single JSON string
   */
  public static String decode(String json) {
    String text = json.strip();
    if (text.length() < 2 || text.charAt(0) != '"' || text.charAt(text.length() - 1) != '"') {
      throw new IllegalArgumentException("expected a quoted JSON string");
    }
    StringBuilder out = new StringBuilder(text.length());
    int end = text.length() - 1;
    for (int i = 1; i < end; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        throw new IllegalArgumentException("unescaped quote at offset " + i);
      }
      if (c < 0x20) {
        throw new IllegalArgumentException("unescaped control character at offset " + i);
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i + 1 >= end) {
        throw new IllegalArgumentException("dangling backslash at offset " + i);
      }
      char e = text.charAt(++i);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (i + 4 >= end) {
            throw new IllegalArgumentException("truncated \\u escape at offset " + i);
          }
          try {
            out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
          } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("bad \\u escape at offset " + i, ex);
          }
          i += 4;
        }
        default -> throw new IllegalArgumentException("bad escape '\\" + e + "' at offset " + i);
      }
    }
    return out.toString();
  }
}
