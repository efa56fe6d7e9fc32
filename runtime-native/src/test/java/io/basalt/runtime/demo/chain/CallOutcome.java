/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

import io.basalt.primitives.bytes.Bytes;

/** What a runtime call did: returned bytes, or panicked with a message. */
public sealed interface CallOutcome {

  /** The call returned {@code output}. */
  record Returned(Bytes output) implements CallOutcome {
    @Override
    public String toString() {
      return "Returned(" + output.toHex() + ")";
    }
  }

  /** The call panicked (native panic or Wasm trap) with the runtime's message. */
  record Panicked(String message) implements CallOutcome {}

  /**
   * The output.
   *
   * @throws AssertionError if the call panicked
   */
  default Bytes output() {
    return switch (this) {
      case Returned(Bytes output) -> output;
      case Panicked(String message) -> throw new AssertionError("the call panicked: " + message);
    };
  }
}
