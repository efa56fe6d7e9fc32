/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node;

import io.basalt.node.cli.ExitPolicy;
import io.basalt.node.cli.NodeCommand;
import java.io.PrintWriter;
import picocli.CommandLine;

/** The {@code node} executable. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(
        run(
            args,
            new PrintWriter(System.out, true, System.out.charset()),
            new PrintWriter(System.err, true, System.err.charset())));
  }

  /**
   * Runs the CLI and returns the process exit code (0 ok, 1 error, 2 bad usage); every failure is
   * reported by {@link ExitPolicy}, errors such as running out of heap included.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    try {
      CommandLine cli = NodeCommand.commandLine();
      cli.setOut(out);
      cli.setErr(err);
      cli.setExecutionExceptionHandler(ExitPolicy::handleExecutionException);
      cli.setParameterExceptionHandler(ExitPolicy::handleParameterException);
      return cli.execute(args);
    } catch (RuntimeException | Error e) {
      // Errors (out of heap, a stack overflow) pass through picocli's handlers unreported.
      return ExitPolicy.report(e, err);
    }
  }
}
