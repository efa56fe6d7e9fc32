/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.extrinsic;

import io.basalt.primitives.scale.ScaleWriter;

/**
 * Why an extrinsic cannot be included (runtime-spec §3.4): {@code Invalid(InvalidTransaction)=0 |
 * Unknown(UnknownTransaction)=1}. {@code toString()} is the Rust {@code Debug} form that {@code
 * execute_block}'s panic message quotes, e.g. {@code Invalid(BadProof)}.
 */
public sealed interface TransactionValidityError {

  /** The transaction is invalid. */
  record Invalid(InvalidTransaction reason) implements TransactionValidityError {
    @Override
    public String toString() {
      return "Invalid(" + reason + ")";
    }
  }

  /** The validity cannot be determined. */
  record Unknown(UnknownTransaction reason) implements TransactionValidityError {
    @Override
    public String toString() {
      return "Unknown(" + reason + ")";
    }
  }

  static TransactionValidityError invalid(InvalidTransaction reason) {
    return new Invalid(reason);
  }

  static TransactionValidityError unknown(UnknownTransaction reason) {
    return new Unknown(reason);
  }

  default void encode(ScaleWriter w) {
    switch (this) {
      case Invalid(InvalidTransaction reason) -> w.writeU8(0).writeU8(reason.index());
      case Unknown(UnknownTransaction reason) -> w.writeU8(1).writeU8(reason.index());
    }
  }
}
