/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.scale;

/** SCALE input that does not decode as the expected type; names the offset and the type. */
public final class ScaleDecodingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int offset;
  private final String expectedType;

  public ScaleDecodingException(int offset, String expectedType, String reason) {
    super("cannot decode " + expectedType + " at offset " + offset + ": " + reason);
    this.offset = offset;
    this.expectedType = expectedType;
  }

  /** The input offset at which decoding failed. */
  public int offset() {
    return offset;
  }

  /** The SCALE type that was being decoded. */
  public String expectedType() {
    return expectedType;
  }
}
