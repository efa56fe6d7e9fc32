/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand;

import io.basalt.chainspec.ChainSpec;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.node.cli.ExitPolicy;
import io.basalt.node.cli.options.ImportOptions;
import io.basalt.node.cli.options.SharedOptions;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.node.consensus.engines.ConsensusEngines;
import io.basalt.node.consensus.grandpa.GrandpaFinality;
import io.basalt.node.failure.UserFacingException;
import io.basalt.node.importer.BlockFileException;
import io.basalt.node.importer.BlockFileReader;
import io.basalt.node.importer.BlockImportResult;
import io.basalt.node.importer.BlockImporter;
import io.basalt.node.log.StatusLog;
import io.basalt.node.runtime.Runtimes;
import io.basalt.node.service.ShutdownSignal;
import io.basalt.primitives.crypto.keystore.InMemoryKeystore;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.storage.block.BlockRef;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code node import-blocks}: imports blocks from a file or stdin in Substrate's export formats
 * (binary with {@code --binary}, JSON otherwise), executing each one. Stops at the first block that
 * cannot be read or imported, with a one-line error and exit code 1; the blocks before it stay
 * imported.
 *
 * <p>SIGINT/SIGTERM stop the import between two blocks (each block is one atomic commit): the
 * command says {@code Interrupted after #N; the database is consistent} and exits 0, as Substrate's
 * import does on a signal.
 */
@Command(
    name = "import-blocks",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Import blocks from a file (or stdin) exported by export-blocks or Substrate.")
public final class ImportBlocksCommand implements Callable<Integer> {
  /** Milliseconds between two progress lines, as Substrate's speedometer. */
  private static final long PROGRESS_INTERVAL_MILLIS = 3_000;

  @Mixin private SharedOptions shared = new SharedOptions();

  @ArgGroup(validate = false, heading = "%nExecution:%n")
  private ImportOptions imports = new ImportOptions();

  @Option(names = "--binary", description = "Read the binary format instead of JSON.")
  private boolean binary;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "The input file; stdin if absent or '-'.")
  private String input;

  @Override
  public Integer call() {
    // First: a signal from here on ends the import between two blocks, not inside a commit.
    ShutdownSignal shutdown = ShutdownSignal.install();
    int exitCode = ExitPolicy.ERROR;
    try {
      String chain = shared.chain();
      BasePath base = shared.basePath();
      try {
        run(ChainSpecs.load(chain), base, shutdown);
        exitCode = 0;
      } finally {
        base.deleteIfTemporary();
      }
    } finally {
      shutdown.stopped(exitCode);
    }
    return exitCode;
  }

  private void run(ChainSpec chainSpec, BasePath base, ShutdownSignal shutdown) {
    try (Runtimes runtimes = imports.runtimes(base, chainSpec.codeSubstitutes());
        InputStream in = open(input)) {
      try (ChainDatabase.Opened chain = ChainDatabase.openChain(chainSpec, base, runtimes)) {
        ChainDatabase db = chain.db();
        BlockImporter importer =
            new BlockImporter(db, runtimes, imports.toConfig().offchainIndexing());
        verifyConsensus(importer, runtimes);
        BlockFileReader reader;
        try {
          reader = BlockFileReader.open(in, binary);
        } catch (BlockFileException e) {
          throw new UserFacingException(e.getMessage(), e);
        }
        importAll(db, importer, reader, shutdown);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new UserFacingException("cannot read " + describe(input) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Adds the verifier of the chain's consensus engine (chosen from the runtime at the best block):
   * every block's slot claim and seal are checked before it is executed. Blocks from a file skip
   * the clock check, so a fast-forwarded chain imports.
   */
  private static void verifyConsensus(BlockImporter importer, Runtimes runtimes) {
    Blockchain chain = importer.chain();
    RuntimeCalls calls = new RuntimeCalls(chain, runtimes);
    InMemoryKeystore noKeys = new InMemoryKeystore();
    ConsensusEngines.Selection engines =
        ConsensusEngines.standard().select(chain, calls, noKeys, Clock.systemUTC());
    engines.slots().ifPresent(e -> importer.addVerifier(e.verifier()));
    if (engines.grandpa()) {
      // Verifies the justifications in the file and tracks authority set changes; never votes.
      importer.addVerifier(new GrandpaFinality(chain, calls, noKeys));
    }
    engines
        .unsupported()
        .ifPresent(
            api ->
                StatusLog.info(
                    "The runtime has {}, an engine this node does not verify yet: blocks are only"
                        + " executed",
                    api));
  }

  private static void importAll(
      ChainDatabase db, BlockImporter importer, BlockFileReader reader, ShutdownSignal shutdown) {
    long imported = 0;
    long lastProgress = System.currentTimeMillis();
    long lastBest = db.blocks().best().map(BlockRef::number).orElse(0L);
    while (true) {
      if (shutdown.isRequested()) {
        StatusLog.info(
            "Interrupted after #{}; the database is consistent",
            db.blocks().best().map(BlockRef::number).orElse(0L));
        return;
      }
      Optional<SignedBlock> next;
      try {
        next = reader.next();
      } catch (BlockFileException e) {
        throw new UserFacingException(e.getMessage() + stopping(imported), e);
      }
      if (next.isEmpty()) {
        break;
      }
      BlockImportResult result = importer.importBlock(next.get());
      switch (result) {
        case BlockImportResult.Imported ok -> imported++;
        case BlockImportResult.AlreadyKnown known -> imported++;
        case BlockImportResult.UnknownParent orphan ->
            throw new UserFacingException(
                "block #"
                    + orphan.number()
                    + " ("
                    + orphan.hash()
                    + ") has an unknown parent "
                    + orphan.parentHash()
                    + "; import its ancestors first"
                    + stopping(imported),
                null);
        case BlockImportResult.Invalid bad ->
            throw new UserFacingException(
                "block #"
                    + bad.number()
                    + " ("
                    + bad.hash()
                    + ") is invalid: "
                    + bad.reason()
                    + stopping(imported),
                null);
      }
      long now = System.currentTimeMillis();
      if (now - lastProgress >= PROGRESS_INTERVAL_MILLIS) {
        long best = db.blocks().best().map(BlockRef::number).orElse(0L);
        StatusLog.info(
            "📦 Current best block: {} ({} bps)",
            best,
            String.format("%4.1f", (best - lastBest) * 1000.0 / (now - lastProgress)));
        lastBest = best;
        lastProgress = now;
      }
    }
    if (reader.isEmpty()) {
      StatusLog.warn("The input is empty: there are no blocks to import");
    }
    StatusLog.info(
        "🎉 Imported {} blocks. Best: #{}",
        reader.readCount(),
        db.blocks().best().map(BlockRef::number).orElse(0L));
  }

  private static String stopping(long imported) {
    return "; stopping after " + imported + " imported block" + (imported == 1 ? "" : "s");
  }

  private static InputStream open(String input) {
    if (input == null || input.equals("-")) {
      return new BufferedInputStream(System.in);
    }
    if (Files.isDirectory(Path.of(input))) {
      throw new InvalidConfigurationException(
          "block file " + input + " is a directory; give the file exported by export-blocks");
    }
    try {
      return new BufferedInputStream(Files.newInputStream(Path.of(input)));
    } catch (NoSuchFileException e) {
      throw new InvalidConfigurationException("block file not found: " + input, e);
    } catch (IOException e) {
      throw new InvalidConfigurationException(
          "cannot open block file " + input + ": " + e.getMessage(), e);
    }
  }

  private static String describe(String input) {
    return input == null || input.equals("-") ? "stdin" : input;
  }
}
