/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand;

import io.basalt.chainspec.ChainSpec;
import io.basalt.executor.strategy.ExecutionContext;
import io.basalt.executor.strategy.ExecutionStrategy;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.node.authoring.Consensus;
import io.basalt.node.chain.ChainOpener;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.cli.options.ForkOptions;
import io.basalt.node.cli.options.ImportOptions;
import io.basalt.node.cli.options.SharedOptions;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.ForkConfig;
import io.basalt.node.config.ImportConfig;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.node.config.KeystoreConfig;
import io.basalt.node.config.PrometheusConfig;
import io.basalt.node.failure.UserFacingException;
import io.basalt.node.fork.ForkSourceException;
import io.basalt.node.fork.RemoteNode;
import io.basalt.node.log.StatusLog;
import io.basalt.node.offchain.OffchainWorkerPolicy;
import io.basalt.node.service.NodeConfig;
import io.basalt.node.service.NodeService;
import io.basalt.node.txpool.TransactionPoolConfig;
import io.basalt.node.upgrade.DivergenceLog;
import io.basalt.node.upgrade.TryUpgradeOptions;
import io.basalt.node.upgrade.UpgradeCheckSelect;
import io.basalt.node.upgrade.UpgradeRehearsal;
import io.basalt.node.upgrade.UpgradeReport;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.runtime.demo.BasaltDemoNativeRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code node try-upgrade}: rehearses a runtime upgrade on a throw-away copy of a chain (the
 * database under {@code -d}, opened read-only: nothing is written to it, and a node may be running
 * on it). The new code is checked as {@code set_code} would, applied, and the upgrade block and
 * {@code --blocks} more are built by the node's own block building; the report (text or JSON on
 * stdout) says what the migration did. Exit code 0 only when every check passed; a refusal before
 * anything was built is one {@code Error:} line per reason.
 *
 * <p>Where the chain comes from: the database copy ({@link ChainOpener#COPY}), or with {@code
 * --fork-url} / {@code --fork-state} a fork opened under the throw-away work directory.
 */
@Command(
    name = "try-upgrade",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Rehearse a runtime upgrade on a throw-away copy of a chain's state at its best block.")
public final class TryUpgradeCommand implements Callable<Integer> {
  @Mixin private SharedOptions shared = new SharedOptions();

  @Option(
      names = "--wasm",
      required = true,
      paramLabel = "FILE",
      description = "The new runtime: Wasm or zstd-compressed Wasm, as set_code takes it.")
  private Path wasm;

  @Option(
      names = "--blocks",
      paramLabel = "N",
      description = "Blocks to build after the upgrade block (default: ${DEFAULT-VALUE}).")
  private int blocks = TryUpgradeOptions.DEFAULT_BLOCKS;

  @Option(
      names = "--checks",
      paramLabel = "CHECKS",
      converter = ChecksConverter.class,
      description =
          "What TryRuntime_on_runtime_upgrade checks, where the runtime has it: none,"
              + " pre-and-post (default), all or try-state.")
  private UpgradeCheckSelect checks = UpgradeCheckSelect.PRE_AND_POST;

  @Option(
      names = "--output-type",
      paramLabel = "TYPE",
      description = "The report's format: text (default) or json.")
  private OutputType outputType = OutputType.TEXT;

  @Option(
      names = "--disable-spec-name-check",
      description = "Accept a new runtime whose spec_name differs.")
  private boolean disableSpecNameCheck;

  @Option(
      names = "--disable-spec-version-check",
      description = "Accept a new runtime whose spec_version is not higher.")
  private boolean disableSpecVersionCheck;

  @Option(
      names = "--disable-idempotency-checks",
      description = "Do not run the migration twice to check that the second run changes nothing.")
  private boolean disableIdempotencyChecks;

  @Option(
      names = "--no-weight-warnings",
      description = "Do not warn when the upgrade block takes 80% or more of a limit.")
  private boolean noWeightWarnings;

  @ArgGroup(validate = false, heading = "%nExecution:%n")
  private ImportOptions imports = new ImportOptions();

  @ArgGroup(
      validate = false,
      heading = "%nFork (instead of -d, the state of a live chain or a dump):%n")
  private ForkOptions fork = new ForkOptions();

  @Spec private CommandSpec spec;

  /** The report's formats. */
  enum OutputType {
    TEXT,
    JSON
  }

  static final class ChecksConverter implements ITypeConverter<UpgradeCheckSelect> {
    @Override
    public UpgradeCheckSelect convert(String value) {
      try {
        return UpgradeCheckSelect.fromCliName(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  @Override
  public Integer call() {
    if (blocks < 0) {
      throw new InvalidConfigurationException("--blocks must be 0 or more, got " + blocks);
    }
    ChainSpec chainSpec = ChainSpecs.load(shared.chain());
    Bytes code = readRuntime(wasm);
    BasePath source = shared.basePath();
    BasePath work = BasePath.createTemporary();
    try {
      return rehearse(chainSpec, code, source, work);
    } finally {
      work.deleteIfTemporary();
      source.deleteIfTemporary();
    }
  }

  /** Where the chain comes from: the seam for other sources (a fork, a state dump). */
  private ChainOpener source() {
    return ChainOpener.COPY;
  }

  private int rehearse(ChainSpec chainSpec, Bytes code, BasePath source, BasePath work) {
    ImportConfig given = imports.toConfig();
    // A fork opens its own throw-away database under the work directory (NodeService does so
    // when the configuration has a fork); the -d database is then not read.
    ForkConfig forkConfig = fork.toConfig();
    boolean forked = !(forkConfig instanceof ForkConfig.None);
    // Compiled runtimes are shared with a node on the same base path (when it has this chain's
    // database); the database itself is never written.
    BasePath cacheBase =
        !forked && Files.isDirectory(source.databaseDir(chainSpec.id())) ? source : work;
    ImportConfig importConfig =
        new ImportConfig(
            given.wasmExecution(),
            false,
            Optional.of(given.wasmCacheDir(cacheBase)),
            given.executionStrategies(),
            given.wasmRuntimeOverrides(),
            given.runtimeCacheSize());
    NodeConfig config =
        new NodeConfig(
                shared.chain(),
                work,
                Optional.of("try-upgrade"),
                true,
                importConfig,
                new KeystoreConfig(Optional.empty(), Optional.of("Alice")),
                new Consensus.Manual(),
                OffchainWorkerPolicy.NEVER,
                PrometheusConfig.disabled(),
                TransactionPoolConfig.defaults(),
                Optional.empty(),
                shared.logDirectives())
            .withFork(forkConfig);
    DivergenceLog divergences = new DivergenceLog();
    Optional<ExecutionStrategy> execution =
        Optional.ofNullable(
            importConfig.executionStrategies().get(ExecutionContext.BLOCK_CONSTRUCTION));
    TryUpgradeOptions options =
        new TryUpgradeOptions(
            blocks,
            checks,
            !disableSpecNameCheck,
            !disableSpecVersionCheck,
            !disableIdempotencyChecks,
            !noWeightWarnings);
    UpgradeReport report;
    try (NodeService node =
        NodeService.start(
            config,
            chainSpec,
            Clock.systemUTC(),
            "try-upgrade",
            BasaltDemoNativeRuntime.v100(),
            source(),
            source,
            divergences)) {
      report =
          new UpgradeRehearsal(node, divergences, execution)
              .withPoolTransactions(sourcePending(forkConfig))
              .run(chainSpec.name(), code, options);
    }
    PrintWriter err = spec.commandLine().getErr();
    if (report.upgradeBlock().isEmpty() && !report.passed()) {
      report.failures().forEach(f -> err.println("Error: " + f));
      err.flush();
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(outputType == OutputType.JSON ? report.toJson() : report.toText());
    out.flush();
    if (!report.passed()) {
      err.println("Error: " + report.failures().getFirst());
      err.flush();
      return 1;
    }
    return 0;
  }

  /**
   * A live source's pending transactions ({@code author_pendingExtrinsics}), which the rehearsal's
   * blocks should carry as the source's next blocks would; none for a database or a dump.
   */
  private static List<Bytes> sourcePending(ForkConfig fork) {
    if (!(fork instanceof ForkConfig.Remote remote)) {
      return List.of();
    }
    try (RemoteNode source = new RemoteNode(remote.url())) {
      List<Bytes> pending = new ArrayList<>();
      source.call("author_pendingExtrinsics").forEach(x -> pending.add(Bytes.fromHex(x.asText())));
      return pending;
    } catch (ForkSourceException e) {
      // A source without the method (or a pool) leaves the rehearsal's pool empty.
      StatusLog.info("No pending transactions from the fork source: {}", e.getMessage());
      return List.of();
    }
  }

  /** The new code, checked to be (compressed) Wasm with sections that parse. */
  private static Bytes readRuntime(Path file) {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new InvalidConfigurationException("--wasm " + file + " is a directory, not a file");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidConfigurationException("--wasm file not found: " + file, e);
    } catch (IOException e) {
      throw new InvalidConfigurationException(
          "cannot read --wasm " + file + ": " + e.getMessage(), e);
    }
    try {
      RuntimeBlob.parse(bytes);
    } catch (InvalidRuntimeCodeException e) {
      throw new UserFacingException(
          "--wasm " + file + " is not a runtime: " + e.getMessage().replace("`:code` ", "it "), e);
    }
    return Bytes.wrap(bytes);
  }
}
