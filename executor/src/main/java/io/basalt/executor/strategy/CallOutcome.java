/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.strategy;

import io.basalt.primitives.bytes.Bytes;

/** How one implementation's run of a call ended: with a result, or with an error. */
public sealed interface CallOutcome {
  /** The call returned {@code result} (SCALE-encoded). */
  record Returned(Bytes result) implements CallOutcome {}

  /** The call failed (a trap, a panic, a method the implementation lacks). */
  record Failed(String message) implements CallOutcome {}

  /** Substrate's notion of agreement: both returned equal bytes, or both failed. */
  default boolean agreesWith(CallOutcome other) {
    return this instanceof Failed ? other instanceof Failed : this.equals(other);
  }

  /** The outcome for a log line: the abbreviated result, or the error. */
  default String describe() {
    return switch (this) {
      case Returned r -> Abbreviated.value(r.result());
      case Failed f -> "error (" + f.message() + ")";
    };
  }
}
