/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand.key;

import java.io.InputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code node key}: Substrate's key management utilities ({@code generate}, {@code inspect}, {@code
 * sign}, {@code verify}, {@code insert}) with the same flags and output.
 *
 * <p>Standard input (messages, URIs) comes from the stream given to the constructor, so tests can
 * supply it; output goes to the command line's out and err writers.
 */
@Command(
    name = "key",
    description = "Key management utilities: generate, inspect, sign, verify and insert keys.",
    mixinStandardHelpOptions = true,
    subcommands = {
      GenerateCommand.class,
      InspectCommand.class,
      SignCommand.class,
      VerifyCommand.class,
      InsertCommand.class
    })
public final class KeyCommand implements Runnable {
  private final InputStream stdin;

  @Spec CommandSpec spec;

  public KeyCommand() {
    this(System.in);
  }

  public KeyCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  InputStream stdin() {
    return stdin;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
