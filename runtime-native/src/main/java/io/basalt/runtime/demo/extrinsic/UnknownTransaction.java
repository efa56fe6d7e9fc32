/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.extrinsic;

/**
 * {@code sp_runtime::transaction_validity::UnknownTransaction} without {@code Custom(u8)}. {@link
 * #toString()} is the Rust {@code Debug} form.
 */
public enum UnknownTransaction {
  CANNOT_LOOKUP(0, "CannotLookup"),
  NO_UNSIGNED_VALIDATOR(1, "NoUnsignedValidator");

  private final int index;
  private final String rustName;

  UnknownTransaction(int index, String rustName) {
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
