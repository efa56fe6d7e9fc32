/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.api;

import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.Result;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.demo.extrinsic.TransactionValidityError;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import io.basalt.runtime.demo.extrinsic.ValidTransaction;

/** {@code TaggedTransactionQueue} version 3 (runtime-spec §9). */
final class TaggedTransactionQueueApi {
  private TaggedTransactionQueueApi() {}

  static byte[] validateTransaction(ApiScope scope, byte[] input) {
    record Args(UncheckedExtrinsic xt, Hash256 blockHash) {}
    Args args =
        ApiInput.decode(
            "validate_transaction",
            input,
            r -> {
              r.readVariant("TransactionSource", 3); // ignored
              return new Args(UncheckedExtrinsic.decode(r), r.readHash256());
            });
    Result<ValidTransaction, TransactionValidityError> validity =
        scope.executive().validateTransaction(args.xt(), args.blockHash());
    ScaleWriter w = new ScaleWriter(128);
    switch (validity) {
      case Result.Ok<ValidTransaction, TransactionValidityError>(ValidTransaction valid) -> {
        w.writeU8(0);
        valid.encode(w);
      }
      case Result.Err<ValidTransaction, TransactionValidityError>(TransactionValidityError e) -> {
        w.writeU8(1);
        e.encode(w);
      }
    }
    return w.toByteArray();
  }
}
