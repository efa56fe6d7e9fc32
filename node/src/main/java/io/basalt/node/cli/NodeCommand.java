/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli;

import io.basalt.node.cli.options.ImportOptions;
import io.basalt.node.cli.options.KeystoreOptions;
import io.basalt.node.cli.options.SharedOptions;
import io.basalt.node.cli.subcommand.BuildSpecCommand;
import io.basalt.node.cli.subcommand.ChainInfoCommand;
import io.basalt.node.cli.subcommand.ExportBlocksCommand;
import io.basalt.node.cli.subcommand.ImportBlocksCommand;
import io.basalt.node.cli.subcommand.InspectRuntimeCommand;
import io.basalt.node.cli.subcommand.PurgeChainCommand;
import io.basalt.node.cli.subcommand.key.KeyCommand;
import io.basalt.node.config.NodeConfig;
import io.basalt.node.service.LogSetup;
import io.basalt.node.service.NodeLauncher;
import io.basalt.node.service.ShutdownSignal;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code node}: runs the node until SIGINT/SIGTERM; subcommands for chain maintenance. */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Basalt: a Substrate-compatible node on the JVM.",
    subcommands = {
      ChainInfoCommand.class,
      BuildSpecCommand.class,
      PurgeChainCommand.class,
      KeyCommand.class,
      ImportBlocksCommand.class,
      ExportBlocksCommand.class,
      InspectRuntimeCommand.class
    })
public final class NodeCommand implements Callable<Integer> {

  @Mixin private SharedOptions shared = new SharedOptions();

  @ArgGroup(validate = false, heading = "%nNode:%n")
  private NodeOptions node = new NodeOptions();

  @ArgGroup(validate = false, heading = "%nExecution:%n")
  private ImportOptions imports = new ImportOptions();

  @ArgGroup(validate = false, heading = "%nKeystore:%n")
  private KeystoreOptions keystore = new KeystoreOptions();

  @Spec private CommandSpec spec;

  /** Options of the running node that subcommands do not take. */
  static final class NodeOptions {
    @Option(names = "--name", paramLabel = "NAME", description = "The human-readable node name.")
    String name;

    @Option(
        names = "--validator",
        description = "Run as a validator: imports blocks with the Wasm runtime only.")
    boolean validator;
  }

  /** Builds the command line with Substrate-like parsing settings. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new NodeCommand());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  @Override
  public Integer call() {
    // First: from here on SIGINT/SIGTERM stop the node in order instead of killing the JVM.
    ShutdownSignal shutdown = ShutdownSignal.install();
    int exitCode = ExitPolicy.ERROR;
    try {
      LogSetup.apply(shared.logDirectives());
      NodeConfig config =
          new NodeConfig(
              shared.chain(),
              shared.basePath(),
              Optional.ofNullable(node.name),
              node.validator || shared.dev(),
              imports.toConfig(),
              keystore.toConfig(shared.dev()));
      exitCode = NodeLauncher.run(config, shutdown);
    } catch (RuntimeException e) {
      // Reported here, before a pending signal's shutdown hook ends the process.
      exitCode = ExitPolicy.handleExecutionException(e, spec.commandLine(), null);
    } finally {
      shutdown.stopped(exitCode);
    }
    return exitCode;
  }
}
