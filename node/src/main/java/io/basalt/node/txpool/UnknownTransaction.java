/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.scale.ScaleCodec;

/**
 * Why the runtime cannot tell whether a transaction is valid ({@code sp_runtime::
 * transaction_validity::UnknownTransaction}).
 *
 * @param kind the variant
 * @param customCode the runtime's {@code u8} for {@link Kind#CUSTOM}; 0 for every other kind
 */
public record UnknownTransaction(UnknownTransaction.Kind kind, int customCode) {

  /** The variants in encoding order, with Substrate's names and texts. */
  public enum Kind {
    CANNOT_LOOKUP(
        0, "CannotLookup", "Could not lookup information required to validate the transaction"),
    NO_UNSIGNED_VALIDATOR(
        1,
        "NoUnsignedValidator",
        "Could not find an unsigned validator for the unsigned transaction"),
    CUSTOM(2, "Custom", "UnknownTransaction custom error");

    private final int index;
    private final String rustName;
    private final String message;

    Kind(int index, String rustName, String message) {
      this.index = index;
      this.rustName = rustName;
      this.message = message;
    }

    /** The variant index in the encoding. */
    public int index() {
      return index;
    }

    /** The variant with this index. */
    static Kind fromIndex(int index) {
      for (Kind kind : values()) {
        if (kind.index == index) {
          return kind;
        }
      }
      throw new IllegalArgumentException("no variant has index " + index);
    }

    /** The variant's name in Substrate ({@code CannotLookup}). */
    public String rustName() {
      return rustName;
    }

    /** Substrate's text for the variant. */
    public String message() {
      return message;
    }
  }

  /** {@code UnknownTransaction} as SCALE: the variant index, then the code of {@code Custom}. */
  public static final ScaleCodec<UnknownTransaction> CODEC =
      ScaleCodec.of(
          "UnknownTransaction",
          (w, v) -> {
            w.writeU8(v.kind.index);
            if (v.kind == Kind.CUSTOM) {
              w.writeU8(v.customCode);
            }
          },
          r -> {
            Kind kind = Kind.fromIndex(r.readVariant("UnknownTransaction", Kind.values().length));
            return kind == Kind.CUSTOM ? custom(r.readU8()) : of(kind);
          });

  public UnknownTransaction {
    if (kind == Kind.CUSTOM ? customCode < 0 || customCode > 255 : customCode != 0) {
      throw new IllegalArgumentException(
          kind == Kind.CUSTOM
              ? "a custom code is a u8, got " + customCode
              : kind.rustName + " has no custom code, got " + customCode);
    }
  }

  /** A variant without data. */
  public static UnknownTransaction of(Kind kind) {
    return new UnknownTransaction(kind, 0);
  }

  /** {@code Custom(code)}. */
  public static UnknownTransaction custom(int code) {
    return new UnknownTransaction(Kind.CUSTOM, code);
  }

  /** Substrate's text. */
  public String message() {
    return kind.message;
  }

  /** Rust's {@code Debug} form: {@code CannotLookup}, {@code Custom(3)}. */
  @Override
  public String toString() {
    return kind == Kind.CUSTOM ? "Custom(" + customCode + ")" : kind.rustName;
  }
}
