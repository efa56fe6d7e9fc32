/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node;

import io.basalt.node.cli.ExitPolicy;
import io.basalt.node.cli.NodeCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The {@code node} executable. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(
        run(
            args,
            new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
            new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
  }

  /** Runs the CLI and returns the process exit code (0 ok, 1 error, 2 bad usage). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = NodeCommand.commandLine();
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(ExitPolicy::handleExecutionException);
    return cli.execute(args);
  }
}
