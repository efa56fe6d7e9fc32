/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.strategy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a runtime call chooses between the native runtime and Wasm (Substrate's {@code
 * ExecutionStrategy}, with the CLI names of sc-cli's {@code ExecutionStrategy} argument).
 */
public enum ExecutionStrategy {
  /** {@code Native}: native when the on-chain runtime can call with it, else Wasm. */
  NATIVE_WHEN_POSSIBLE("Native"),
  /** {@code Wasm}: always Wasm. */
  ALWAYS_WASM("Wasm"),
  /** {@code Both}: native, rolled back, then Wasm; results compared, Wasm's kept. */
  BOTH("Both"),
  /** {@code NativeElseWasm}: native, and Wasm after rolling back when native fails. */
  NATIVE_ELSE_WASM("NativeElseWasm");

  private final String cliName;

  ExecutionStrategy(String cliName) {
    this.cliName = cliName;
  }

  /** The command-line value, e.g. {@code NativeElseWasm}. */
  public String cliName() {
    return cliName;
  }

  /**
   * Parses a command-line value, ignoring case.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static ExecutionStrategy fromCliName(String value) {
    for (ExecutionStrategy s : values()) {
      if (s.cliName.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "invalid value '"
            + value
            + "' [possible values: "
            + Arrays.stream(values()).map(s -> s.cliName).collect(Collectors.joining(", "))
            + "]");
  }
}
