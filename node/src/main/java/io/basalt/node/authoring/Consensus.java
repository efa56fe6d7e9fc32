/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import java.time.Duration;

/**
 * How a chain without its own consensus engine gets blocks ({@code --consensus}, the values of
 * polkadot-sdk's minimal template plus {@code manual}).
 */
public sealed interface Consensus {
  /** A block as soon as the pool has ready transactions ({@code instant-seal}). */
  record InstantSeal() implements Consensus {}

  /** A block every {@code interval}, with or without transactions ({@code manual-seal-<ms>}). */
  record ManualSeal(Duration interval) implements Consensus {}

  /** Blocks only on request ({@code engine_createBlock}) ({@code manual}). */
  record Manual() implements Consensus {}

  /** No blocks of its own: import only ({@code none}). */
  record None() implements Consensus {}

  /** The default for {@code --dev}: a block every three seconds. */
  static Consensus devDefault() {
    return new ManualSeal(Duration.ofSeconds(3));
  }

  /**
   * Parses a {@code --consensus} value.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  static Consensus parse(String value) {
    Consensus named =
        switch (value) {
          case "instant-seal" -> new InstantSeal();
          case "manual" -> new Manual();
          case "none" -> new None();
          default -> null;
        };
    if (named != null) {
      return named;
    }
    String prefix = "manual-seal-";
    if (value.startsWith(prefix)) {
      try {
        long ms = Long.parseLong(value.substring(prefix.length()));
        if (ms > 0) {
          return new ManualSeal(Duration.ofMillis(ms));
        }
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new IllegalArgumentException(
        "invalid value '"
            + value
            + "': expected instant-seal, manual-seal-<milliseconds>, manual or none");
  }

  /** The command-line form. */
  default String cliName() {
    return switch (this) {
      case InstantSeal i -> "instant-seal";
      case ManualSeal m -> "manual-seal-" + m.interval().toMillis();
      case Manual m -> "manual";
      case None n -> "none";
    };
  }
}
