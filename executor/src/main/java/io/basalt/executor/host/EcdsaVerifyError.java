/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

/** sp-io's {@code EcdsaVerifyError}, SCALE variant index = ordinal. */
public enum EcdsaVerifyError {
  /** Incorrect value of R or S. */
  BAD_RS,
  /** Incorrect value of V. */
  BAD_V,
  /** Invalid signature. */
  BAD_SIGNATURE
}
