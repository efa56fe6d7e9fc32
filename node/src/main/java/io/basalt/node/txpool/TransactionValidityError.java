/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.scale.ScaleCodec;

/**
 * Why a transaction is not valid ({@code sp_runtime::transaction_validity::
 * TransactionValidityError}): variant 0 {@link Invalid}, variant 1 {@link Unknown}.
 */
public sealed interface TransactionValidityError extends TransactionValidity {

  /** {@code TransactionValidityError} as SCALE. */
  ScaleCodec<TransactionValidityError> CODEC =
      ScaleCodec.of(
          "TransactionValidityError",
          (w, v) -> {
            switch (v) {
              case Invalid(InvalidTransaction reason) -> {
                w.writeU8(0);
                InvalidTransaction.CODEC.encode(w, reason);
              }
              case Unknown(UnknownTransaction reason) -> {
                w.writeU8(1);
                UnknownTransaction.CODEC.encode(w, reason);
              }
            }
          },
          r ->
              r.readVariant("TransactionValidityError", 2) == 0
                  ? new Invalid(InvalidTransaction.CODEC.decode(r))
                  : new Unknown(UnknownTransaction.CODEC.decode(r)));

  /** Substrate's {@code Display} text, e.g. "Transaction has a bad signature". */
  String message();

  /** The transaction is invalid. */
  record Invalid(InvalidTransaction reason) implements TransactionValidityError {
    @Override
    public String message() {
      return reason.message();
    }
  }

  /** The transaction's validity cannot be determined. */
  record Unknown(UnknownTransaction reason) implements TransactionValidityError {
    @Override
    public String message() {
      return reason.message();
    }
  }
}
