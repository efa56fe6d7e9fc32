/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.log;

import java.util.Locale;

/**
 * Chopsticks' {@code --runtime-log-level}: the most detailed runtime log lines ({@code
 * ext_logging_log}) the node prints, numbered 0 off, 1 error, 2 warn, 3 info, 4 debug, 5 trace.
 * Runtime lines go to the log target {@code runtime}, so each level is the {@code -l} directive
 * {@code runtime=<level>}; the runtime learns it from {@code ext_logging_max_level}, which answers
 * the same number.
 */
public enum RuntimeLogLevel {
  OFF,
  ERROR,
  WARN,
  INFO,
  DEBUG,
  TRACE;

  /** The log target runtime lines are printed under. */
  public static final String TARGET = "runtime";

  /**
   * The level with Chopsticks' number.
   *
   * @throws IllegalArgumentException unless {@code number} is 0..5
   */
  public static RuntimeLogLevel of(int number) {
    if (number < 0 || number >= values().length) {
      throw new IllegalArgumentException(
          "expected 0 (off), 1 (error), 2 (warn), 3 (info), 4 (debug) or 5 (trace), found "
              + number);
    }
    return values()[number];
  }

  /** The {@code -l} directive with the same effect: {@code runtime=debug}. */
  public String directive() {
    return TARGET + "=" + name().toLowerCase(Locale.ROOT);
  }
}
