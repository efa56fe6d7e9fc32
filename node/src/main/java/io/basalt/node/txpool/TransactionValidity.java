/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.scale.ScaleCodec;

/**
 * The runtime's answer to {@code TaggedTransactionQueue_validate_transaction}: {@code
 * TransactionValidity = Result<ValidTransaction, TransactionValidityError>}, as SCALE {@code 00 ‖
 * ValidTransaction} or {@code 01 ‖ TransactionValidityError}. The same shape answers every API
 * version (1 to 3).
 *
 * <pre>{@code
 * switch (TransactionValidity.CODEC.decode(output)) {
 *   case ValidTransaction valid -> ...;
 *   case TransactionValidityError.Invalid(InvalidTransaction why) -> ...;
 *   case TransactionValidityError.Unknown(UnknownTransaction why) -> ...;
 * }
 * }</pre>
 */
public sealed interface TransactionValidity permits ValidTransaction, TransactionValidityError {

  /** {@code Result<ValidTransaction, TransactionValidityError>} as SCALE. */
  ScaleCodec<TransactionValidity> CODEC =
      ScaleCodec.of(
          "TransactionValidity",
          (w, v) -> {
            switch (v) {
              case ValidTransaction valid -> {
                w.writeU8(0);
                ValidTransaction.CODEC.encode(w, valid);
              }
              case TransactionValidityError error -> {
                w.writeU8(1);
                TransactionValidityError.CODEC.encode(w, error);
              }
            }
          },
          r ->
              r.readVariant("TransactionValidity", 2) == 0
                  ? ValidTransaction.CODEC.decode(r)
                  : TransactionValidityError.CODEC.decode(r));
}
