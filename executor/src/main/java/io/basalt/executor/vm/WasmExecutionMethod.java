/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How Wasm runs, with Substrate's {@code --wasm-execution} values: {@code compiled} (Wasm compiled
 * to JVM bytecode, the default) or {@code interpreted-i-know-what-i-do} (Chicory's interpreter: no
 * compile time, much slower calls).
 */
public enum WasmExecutionMethod {
  COMPILED("compiled"),
  INTERPRETED("interpreted-i-know-what-i-do");

  private final String cliName;

  WasmExecutionMethod(String cliName) {
    this.cliName = cliName;
  }

  /** The {@code --wasm-execution} value. */
  public String cliName() {
    return cliName;
  }

  /**
   * Parses a {@code --wasm-execution} value (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static WasmExecutionMethod fromCliName(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(m -> m.cliName.equals(v))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown --wasm-execution value '"
                        + value
                        + "'; expected one of "
                        + Arrays.stream(values())
                            .map(WasmExecutionMethod::cliName)
                            .collect(Collectors.joining(", "))));
  }
}
