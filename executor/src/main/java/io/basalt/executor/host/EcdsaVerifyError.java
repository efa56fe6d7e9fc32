/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

/** sp-io's {@code EcdsaVerifyError}, SCALE variant index = ordinal. */
public enum EcdsaVerifyError {
  /** Incorrect value of R or S. */
  BAD_RS,
  /** Incorrect value of V. */
  BAD_V,
  /** Invalid signature. */
  BAD_SIGNATURE;

  /** The SCALE variant index of this error in {@code sp_io::EcdsaVerifyError}. */
  public int index() {
    return switch (this) {
      case BAD_RS -> 0;
      case BAD_V -> 1;
      case BAD_SIGNATURE -> 2;
    };
  }
}
