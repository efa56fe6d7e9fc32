/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand;

import io.basalt.chainspec.ChainSpec;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.cli.options.SharedOptions;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.InvalidConfigurationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code node purge-chain}: removes a chain's database folder {@code <base>/chains/<id>/db} (not
 * its keystore), with sc-cli's prompt and messages. Unlike Substrate it refuses to remove the
 * database of a running node. {@code --tmp} is refused (sc-cli's purge-chain has no such flag);
 * {@code --dev} without {@code -d} purges a fresh temporary base path, as in sc-cli, and deletes it
 * afterwards.
 */
@Command(
    name = "purge-chain",
    mixinStandardHelpOptions = true,
    description = "Remove the whole chain database.")
public final class PurgeChainCommand implements Callable<Integer> {
  @Mixin private SharedOptions shared = new SharedOptions();

  @Option(names = "-y", description = "Skip the interactive confirmation.")
  private boolean yes;

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (shared.tmp()) {
      throw new InvalidConfigurationException(
          "--tmp cannot be used with purge-chain: a temporary base path holds no chain; pass the"
              + " base path to purge with -d/--base-path");
    }
    ChainSpec chainSpec = ChainSpecs.load(shared.chain());
    BasePath base = shared.basePath();
    try {
      return purge(base, chainSpec);
    } finally {
      base.deleteIfTemporary();
    }
  }

  private int purge(BasePath base, ChainSpec chainSpec) throws IOException {
    Path db = base.chainDir(chainSpec.id()).resolve("db");
    if (ChainDatabase.isInUse(base.databaseDir(chainSpec.id()))) {
      throw new InvalidConfigurationException(
          "the database at "
              + db
              + " is in use (is a node running with this base path?); stop it before purging");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (!yes && !confirmed(out, db)) {
      out.println("Aborted");
      out.flush();
      return 0;
    }
    if (!Files.exists(db)) {
      PrintWriter err = spec.commandLine().getErr();
      err.printf("\"%s\" did not exist.%n", db);
      err.flush();
      return 0;
    }
    try {
      BasePath.deleteRecursively(db);
    } catch (UncheckedIOException e) {
      throw new InvalidConfigurationException(
          "cannot remove " + db + ": " + e.getCause().getMessage(), e);
    }
    out.printf("\"%s\" removed.%n", db);
    out.flush();
    return 0;
  }

  /** Asks as sc-cli does; only an answer starting with y or Y confirms. */
  private static boolean confirmed(PrintWriter out, Path db) throws IOException {
    out.printf("Are you sure to remove \"%s\"? [y/N]: ", db);
    out.flush();
    String answer =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    String trimmed = answer == null ? "" : answer.strip();
    return trimmed.startsWith("y") || trimmed.startsWith("Y");
  }
}
