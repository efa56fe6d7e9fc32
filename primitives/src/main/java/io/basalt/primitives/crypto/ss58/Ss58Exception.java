/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.ss58;

/**
 * An SS58 address or network prefix is malformed; {@link #kind()} says which rule it breaks, in the
 * terms of sp-core's {@code PublicError}, and the message gives the details.
 */
public final class Ss58Exception extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The rule an address or prefix breaks, named as sp-core's {@code PublicError} variants. */
  public enum Kind {
    /** A character outside the base58 alphabet ({@code BadBase58}). */
    BAD_BASE58("bad base58"),
    /** The decoded bytes do not hold a prefix, a payload and its checksum ({@code BadLength}). */
    BAD_LENGTH("bad length"),
    /**
     * The first byte is not a one- or two-byte prefix, i.e. at least 128 ({@code InvalidPrefix}).
     */
    INVALID_PREFIX("invalid prefix"),
    /** The prefix is reserved (46, 47) and refused in addresses ({@code FormatNotAllowed}). */
    FORMAT_NOT_ALLOWED("format not allowed"),
    /** The checksum does not match ({@code InvalidChecksum}). */
    INVALID_CHECKSUM("invalid checksum"),
    /** A network name or prefix that is not one ({@code UnknownSs58AddressFormat}). */
    UNKNOWN_FORMAT("unknown address format");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    /** A short lower-case description, e.g. {@code invalid checksum}. */
    public String description() {
      return description;
    }
  }

  private final Kind kind;

  /**
   * @param kind the rule broken
   * @param message the full message, e.g. {@code invalid SS58 address: invalid checksum}
   */
  public Ss58Exception(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** An address error: {@code invalid SS58 address: <kind>[: detail]}. */
  static Ss58Exception address(Kind kind, String detail) {
    return new Ss58Exception(
        kind,
        "invalid SS58 address: " + kind.description() + (detail.isEmpty() ? "" : ": " + detail));
  }

  public Kind kind() {
    return kind;
  }
}
