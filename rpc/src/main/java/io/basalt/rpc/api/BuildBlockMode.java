/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * Chopsticks' {@code BuildBlockMode} ({@code dev_setBlockBuildMode}), whose JSON names are {@code
 * "Batch"}, {@code "Instant"} and {@code "Manual"}.
 */
public enum BuildBlockMode {
  /** One block per batch of transactions (Chopsticks' default). */
  BATCH("Batch"),
  /** A block as soon as a transaction arrives. */
  INSTANT("Instant"),
  /** Blocks only on request. */
  MANUAL("Manual");

  private final String chopsticksName;

  BuildBlockMode(String chopsticksName) {
    this.chopsticksName = chopsticksName;
  }

  /** The name Chopsticks gives it. */
  public String chopsticksName() {
    return chopsticksName;
  }

  /** The mode Chopsticks names {@code name} (case matters, as there). */
  public static Optional<BuildBlockMode> named(String name) {
    return Arrays.stream(values()).filter(m -> m.chopsticksName.equals(name)).findFirst();
  }
}
