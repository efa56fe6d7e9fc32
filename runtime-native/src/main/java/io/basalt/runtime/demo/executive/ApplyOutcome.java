/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.executive;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.demo.dispatch.DispatchError;
import io.basalt.runtime.demo.extrinsic.TransactionValidityError;
import java.util.Optional;

/**
 * {@code ApplyExtrinsicResult = Result<Result<(), DispatchError>, TransactionValidityError>}
 * (runtime-spec §5.3).
 */
public sealed interface ApplyOutcome {

  /** Applied (fees and nonce charged); {@code error} is the call's failure, if any. */
  record Applied(Optional<DispatchError> error) implements ApplyOutcome {}

  /** Not applicable; storage is exactly as before the call. */
  record Invalid(TransactionValidityError error) implements ApplyOutcome {}

  default Bytes encode() {
    ScaleWriter w = new ScaleWriter(16);
    switch (this) {
      case Applied(Optional<DispatchError> error) -> {
        w.writeU8(0);
        if (error.isPresent()) {
          w.writeU8(1);
          error.get().encode(w);
        } else {
          w.writeU8(0);
        }
      }
      case Invalid(TransactionValidityError error) -> {
        w.writeU8(1);
        error.encode(w);
      }
    }
    return w.toBytes();
  }
}
