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
  public enum Kind {
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

    /** The variant's name in Substrate ({@code BadProof}). */
    public String rustName() {
      return rustName;
    }

    /** Substrate's text for the variant. */
    public String message() {
      return message;
    }
  }

  /** {@code InvalidTransaction} as SCALE: the variant index, then the code of {@code Custom}. */
  public static final ScaleCodec<InvalidTransaction> CODEC =
      ScaleCodec.of(
          "InvalidTransaction",
          (w, v) -> {
            w.writeU8(v.kind.index);
            if (v.kind == Kind.CUSTOM) {
              w.writeU8(v.customCode);
            }
          },
          r -> {
            Kind kind = Kind.fromIndex(r.readVariant("InvalidTransaction", Kind.values().length));
            return kind == Kind.CUSTOM ? custom(r.readU8()) : of(kind);
          });

  public InvalidTransaction {
    if (kind == Kind.CUSTOM ? customCode < 0 || customCode > 255 : customCode != 0) {
      throw new IllegalArgumentException(
          kind == Kind.CUSTOM
              ? "a custom code is a u8, got " + customCode
              : kind.rustName + " has no custom code, got " + customCode);
    }
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
    return kind.message;
  }

  /** Rust's {@code Debug} form: {@code Stale}, {@code Custom(7)}. */
  @Override
  public String toString() {
    return kind == Kind.CUSTOM ? "Custom(" + customCode + ")" : kind.rustName;
  }
}
