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
  public enum Kind implements ValidityKind {
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

    @Override
    public int index() {
      return index;
    }

    @Override
    public String rustName() {
      return rustName;
    }

    @Override
    public String message() {
      return message;
    }
  }

  /** {@code UnknownTransaction} as SCALE: the variant index, then the code of {@code Custom}. */
  public static final ScaleCodec<UnknownTransaction> CODEC =
      ValidityKind.codec(
          "UnknownTransaction",
          Kind.values(),
          UnknownTransaction::kind,
          UnknownTransaction::customCode,
          UnknownTransaction::new);

  public UnknownTransaction {
    ValidityKind.checkCode(kind, customCode);
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
    return kind.message();
  }

  /** Rust's {@code Debug} form: {@code CannotLookup}, {@code Custom(3)}. */
  @Override
  public String toString() {
    return ValidityKind.debug(kind, customCode);
  }
}
