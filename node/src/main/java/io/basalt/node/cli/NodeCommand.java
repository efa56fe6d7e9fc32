/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli;

import io.basalt.node.authoring.Consensus;
import io.basalt.node.authoring.StartOverrides;
import io.basalt.node.cli.options.AuthoringOptions;
import io.basalt.node.cli.options.ForkOptions;
import io.basalt.node.cli.options.ImportOptions;
import io.basalt.node.cli.options.KeystoreOptions;
import io.basalt.node.cli.options.NetworkOptions;
import io.basalt.node.cli.options.OffchainWorkerOptions;
import io.basalt.node.cli.options.PrometheusOptions;
import io.basalt.node.cli.options.RehearsalOptions;
import io.basalt.node.cli.options.RpcOptions;
import io.basalt.node.cli.options.SharedOptions;
import io.basalt.node.cli.options.TransactionPoolOptions;
import io.basalt.node.cli.subcommand.BuildSpecCommand;
import io.basalt.node.cli.subcommand.ChainInfoCommand;
import io.basalt.node.cli.subcommand.ExportBlocksCommand;
import io.basalt.node.cli.subcommand.ImportBlocksCommand;
import io.basalt.node.cli.subcommand.InspectRuntimeCommand;
import io.basalt.node.cli.subcommand.PurgeChainCommand;
import io.basalt.node.cli.subcommand.TryUpgradeCommand;
import io.basalt.node.cli.subcommand.key.KeyCommand;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.node.log.LogSetup;
import io.basalt.node.log.RuntimeLogLevel;
import io.basalt.node.service.NodeConfig;
import io.basalt.node.service.NodeLauncher;
import io.basalt.node.service.ShutdownSignal;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
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
      InspectRuntimeCommand.class,
      TryUpgradeCommand.class
    })
public final class NodeCommand implements Callable<Integer> {

  @Mixin private SharedOptions shared = new SharedOptions();

  @ArgGroup(validate = false, heading = "%nNode:%n")
  private NodeOptions node = new NodeOptions();

  @ArgGroup(validate = false, heading = "%nExecution:%n")
  private ImportOptions imports = new ImportOptions();

  @ArgGroup(validate = false, heading = "%nKeystore:%n")
  private KeystoreOptions keystore = new KeystoreOptions();

  @ArgGroup(validate = false, heading = "%nBlock production:%n")
  private AuthoringOptions authoring = new AuthoringOptions();

  @ArgGroup(validate = false, heading = "%nOffchain workers:%n")
  private OffchainWorkerOptions offchain = new OffchainWorkerOptions();

  @ArgGroup(validate = false, heading = "%nPrometheus:%n")
  private PrometheusOptions prometheus = new PrometheusOptions();

  @ArgGroup(validate = false, heading = "%nTransaction pool:%n")
  private TransactionPoolOptions pool = new TransactionPoolOptions();

  @ArgGroup(validate = false, heading = "%nJSON-RPC:%n")
  private RpcOptions rpc = new RpcOptions();

  @ArgGroup(validate = false, heading = "%nUpgrade rehearsal (Chopsticks' flags):%n")
  private RehearsalOptions rehearsal = new RehearsalOptions();

  @ArgGroup(validate = false, heading = "%nForks:%n")
  private ForkOptions fork = new ForkOptions();

  @ArgGroup(validate = false, heading = "%nNetwork:%n")
  private NetworkOptions network = new NetworkOptions();

  @Spec private CommandSpec spec;

  /** Options of the running node that subcommands do not take. */
  static final class NodeOptions {
    @Option(names = "--name", paramLabel = "NAME", description = "The human-readable node name.")
    String name;

    @Option(
        names = "--validator",
        description =
            "Run as an authority (role AUTHORITY in the banner). Implied by --dev and"
                + " --alice..--ferdie.")
    boolean validator;
  }

  /**
   * Builds the command line with Substrate-like parsing settings; the {@code -l} directives of
   * whichever command runs are applied before it starts.
   */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new NodeCommand());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionStrategy(
        parsed -> {
          ParseResult command = parsed;
          while (command.hasSubcommand()) {
            command = command.subcommand();
          }
          LogSetup.apply(command.matchedOptionValue("--log", List.<String>of()));
          // After -l: the more specific flag wins for the runtime's target.
          RuntimeLogLevel runtime =
              command.matchedOptionValue(RehearsalOptions.RUNTIME_LOG_LEVEL, null);
          if (runtime != null) {
            LogSetup.apply(List.of(runtime.directive()));
          }
          return new CommandLine.RunLast().execute(parsed);
        });
    return cli;
  }

  @Override
  public Integer call() {
    // First: from here on SIGINT/SIGTERM stop the node in order instead of killing the JVM.
    ShutdownSignal shutdown = ShutdownSignal.install();
    PrintWriter err = spec.commandLine().getErr();
    // A failure on another thread (out of heap included) is reported once and stops the node in
    // order: the database is closed, and the process ends with the failure's exit code.
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> shutdown.fail(ExitPolicy.report(e, err)));
    int exitCode = ExitPolicy.ERROR;
    try {
      exitCode = NodeLauncher.run(toConfig(), shutdown);
    } catch (RuntimeException | OutOfMemoryError e) {
      // Reported here, before a pending signal's shutdown hook ends the process.
      exitCode = ExitPolicy.report(e, err);
    } finally {
      exitCode = shutdown.stopped(exitCode);
      Thread.setDefaultUncaughtExceptionHandler(previous);
    }
    return exitCode;
  }

  /**
   * Folds the options into the node's configuration, with sc-cli's {@code RunCmd} rules: the node
   * is an authority with {@code --validator}, {@code --dev} or a dev account flag ({@code --alice}
   * .. {@code --ferdie}), and a dev account flag also names the node ({@code Alice}) unless {@code
   * --name} is given. {@code --dev} alone adds Alice's keys but keeps a generated name, as
   * Substrate does.
   *
   * @throws io.basalt.node.config.InvalidConfigurationException for contradictory options
   */
  public NodeConfig toConfig() {
    Optional<String> account = keystore.chosenAccount();
    boolean validator = node.validator || shared.dev() || account.isPresent();
    Consensus consensus = authoring.consensus(shared.dev());
    if (rehearsal.changesStartState() && consensus instanceof Consensus.None) {
      throw new InvalidConfigurationException(StartOverrides.NEEDS_BLOCK_PRODUCTION);
    }
    List<String> logDirectives = new ArrayList<>(shared.logDirectives());
    rehearsal.runtimeLogDirective().ifPresent(logDirectives::add);
    return new NodeConfig(
        shared.chain(),
        shared.basePath(),
        Optional.ofNullable(node.name).or(() -> account),
        validator,
        imports.toConfig(),
        keystore.toConfig(shared.dev()),
        consensus,
        offchain.policy(),
        prometheus.toConfig(),
        pool.toConfig(shared.dev()),
        Optional.of(rpc.toConfig(shared.dev(), validator)),
        logDirectives,
        rehearsal.startOverrides(),
        fork.toConfig(),
        network.toConfig());
  }
}
