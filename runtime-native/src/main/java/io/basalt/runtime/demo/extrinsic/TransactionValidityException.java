/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.extrinsic;

/**
 * A check rejected an extrinsic: the Java form of a signed extension's {@code
 * Err(TransactionValidityError)?}. The executive turns it into the API's result value; it never
 * escapes a runtime API call. Carries no stack trace.
 */
public final class TransactionValidityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient TransactionValidityError error;

  public TransactionValidityException(TransactionValidityError error) {
    super(error.toString(), null, false, false);
    this.error = error;
  }

  /** Shorthand for {@code Invalid(reason)}. */
  public static TransactionValidityException invalid(InvalidTransaction reason) {
    return new TransactionValidityException(TransactionValidityError.invalid(reason));
  }

  /** Shorthand for {@code Unknown(reason)}. */
  public static TransactionValidityException unknown(UnknownTransaction reason) {
    return new TransactionValidityException(TransactionValidityError.unknown(reason));
  }

  public TransactionValidityError error() {
    return error;
  }
}
