/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand.key;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Common plumbing of the {@code key} subcommands: a user error becomes one line {@code Error: ...}
 * on stderr and exit code 1; secrets never appear in error messages.
 */
abstract class KeySubcommand implements Callable<Integer> {
  @ParentCommand KeyCommand parent;

  @Spec CommandSpec spec;

  @Override
  public final Integer call() {
    try {
      execute();
      out().flush();
      return 0;
    } catch (IllegalArgumentException | IllegalStateException e) {
      err().println("Error: " + e.getMessage());
      err().flush();
      return 1;
    } catch (IOException e) {
      err().println("Error: " + e.getMessage());
      err().flush();
      return 1;
    } catch (UncheckedIOException e) {
      err().println("Error: " + e.getCause().getMessage());
      err().flush();
      return 1;
    }
  }

  abstract void execute() throws IOException;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
