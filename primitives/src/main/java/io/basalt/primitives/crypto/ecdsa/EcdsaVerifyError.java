/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.ecdsa;

/**
 * Why {@code secp256k1_ecdsa_recover} failed, in the order of sp-io's {@code EcdsaVerifyError} (the
 * ordinal is the SCALE variant index).
 */
public enum EcdsaVerifyError {
  /** r or s could not be parsed (v2: at least the group order). */
  BAD_RS,
  /** The recovery id is not 0..3 (after mapping 27/28 to 0/1). */
  BAD_V,
  /** No public key could be recovered. */
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
