/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.scale.ScaleCodec;

/**
 * Why the runtime says a transaction is invalid ({@code sp_runtime::transaction_validity::
 * InvalidTransaction}): one of the {@link Kind}s, with a code for {@link Kind#CUSTOM}.
 *
 * @param kind the variant
 * @param customCode the runtime's {@code u8} for {@link Kind#CUSTOM}; 0 for every other kind
 */
public record InvalidTransaction(InvalidTransaction.Kind kind, int customCode) {

  /**
   * The variants in encoding order, each with Substrate's name and its text ({@code From<
   * InvalidTransaction> for &'static str}, the text RPC errors carry). Runtimes built before
   * polkadot-sdk renamed it call index 9 {@code MandatoryDispatch}; indices 10 ({@code BadSigner}),
   * 11 and 12 are later additions that older runtimes never return.
   */
  public enum Kind implements ValidityKind {
    CALL(0, "Call", "Transaction call is not expected"),
    PAYMENT(1, "Payment", "Inability to pay some fees (e.g. account balance too low)"),
    FUTURE(2, "Future", "Transaction will be valid in the future"),
    STALE(3, "Stale", "Transaction is outdated"),
    BAD_PROOF(4, "BadProof", "Transaction has a bad signature"),
    ANCIENT_BIRTH_BLOCK(5, "AncientBirthBlock", "Transaction has an ancient birth block"),
    EXHAUSTS_RESOURCES(6, "ExhaustsResources", "Transaction would exhaust the block limits"),
    CUSTOM(7, "Custom", "InvalidTransaction custom error"),
    BAD_MANDATORY(8, "BadMandatory", "A call was labelled as mandatory, but resulted in an Error."),
    MANDATORY_VALIDATION(
        9,
        "MandatoryValidation",
        "Transaction dispatch is mandatory; transactions must not be validated."),
    BAD_SIGNER(10, "BadSigner", "Invalid signing address"),
    INDETERMINATE_IMPLICIT(
        11, "IndeterminateImplicit", "The implicit data was unable to be calculated"),
    UNKNOWN_ORIGIN(12, "UnknownOrigin", "The transaction extension did not authorize any origin");

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

  /** {@code InvalidTransaction} as SCALE: the variant index, then the code of {@code Custom}. */
  public static final ScaleCodec<InvalidTransaction> CODEC =
      ValidityKind.codec(
          "InvalidTransaction",
          Kind.values(),
          InvalidTransaction::kind,
          InvalidTransaction::customCode,
          InvalidTransaction::new);

  public InvalidTransaction {
    ValidityKind.checkCode(kind, customCode);
  }

  /** A variant without data. */
  public static InvalidTransaction of(Kind kind) {
    return new InvalidTransaction(kind, 0);
  }

  /** {@code Custom(code)}. */
  public static InvalidTransaction custom(int code) {
    return new InvalidTransaction(Kind.CUSTOM, code);
  }

  /** Substrate's text, e.g. "Transaction is outdated". */
  public String message() {
    return kind.message();
  }

  /** Rust's {@code Debug} form: {@code Stale}, {@code Custom(7)}. */
  @Override
  public String toString() {
    return ValidityKind.debug(kind, customCode);
  }
}
