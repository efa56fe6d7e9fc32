/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.config;

/**
 * Two options that cannot be given together were: a usage error (exit code 2 with clap's hint), as
 * Substrate's command line reports conflicting arguments.
 */
public final class ConflictingOptionsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param option the option given first, as clap names it (e.g. {@code --execution <STRATEGY>})
   * @param other the option it cannot be used with
   */
  public ConflictingOptionsException(String option, String other) {
    super("the argument '" + option + "' cannot be used with '" + other + "'");
  }
}
