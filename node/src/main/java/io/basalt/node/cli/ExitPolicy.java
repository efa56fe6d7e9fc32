/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli;

import io.basalt.chainspec.InvalidChainSpecException;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.node.failure.UserFacingException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * How failures become exit codes: user errors (bad configuration, bad input files, storage that
 * cannot be opened) print one {@code Error: …} line and exit 1; anything else is a bug and prints
 * its stack trace. Usage errors are picocli's (exit 2 with usage help).
 */
public final class ExitPolicy {
  /** Exit code for an error the user can fix. */
  public static final int ERROR = 1;

  private ExitPolicy() {}

  public static int handleExecutionException(
      Exception e, CommandLine cli, ParseResult parseResult) {
    if (isUserError(e)) {
      cli.getErr().println("Error: " + oneLine(e.getMessage()));
      return ERROR;
    }
    cli.getErr().println("Error: unexpected failure: " + e);
    e.printStackTrace(cli.getErr());
    return ERROR;
  }

  /** A user error is one line, even when its message quotes input that spans several. */
  static String oneLine(String message) {
    return String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /** Whether an exception reports bad input or configuration rather than a bug. */
  public static boolean isUserError(Throwable e) {
    return e instanceof InvalidConfigurationException
        || e instanceof InvalidChainSpecException
        || e instanceof UserFacingException;
  }
}
