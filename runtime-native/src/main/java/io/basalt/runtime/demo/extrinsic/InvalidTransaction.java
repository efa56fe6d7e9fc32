/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.extrinsic;

/**
 * {@code sp_runtime::transaction_validity::InvalidTransaction} without {@code Custom(u8)} (index
 * 7), which basalt-demo never returns. {@link #toString()} is the Rust {@code Debug} form used in
 * panic messages.
 */
public enum InvalidTransaction {
  CALL(0, "Call"),
  PAYMENT(1, "Payment"),
  FUTURE(2, "Future"),
  STALE(3, "Stale"),
  BAD_PROOF(4, "BadProof"),
  ANCIENT_BIRTH_BLOCK(5, "AncientBirthBlock"),
  EXHAUSTS_RESOURCES(6, "ExhaustsResources"),
  BAD_MANDATORY(8, "BadMandatory"),
  MANDATORY_VALIDATION(9, "MandatoryValidation"),
  BAD_SIGNER(10, "BadSigner"),
  INDETERMINATE_IMPLICIT(11, "IndeterminateImplicit"),
  UNKNOWN_ORIGIN(12, "UnknownOrigin");

  private final int index;
  private final String rustName;

  InvalidTransaction(int index, String rustName) {
    this.index = index;
    this.rustName = rustName;
  }

  public int index() {
    return index;
  }

  @Override
  public String toString() {
    return rustName;
  }
}
