/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand;

import io.basalt.chainspec.ChainSpec;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.cli.options.SharedOptions;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.InvalidConfigurationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code node purge-chain}: removes a chain's database (not its keystore), as Substrate does. */
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
    ChainSpec chainSpec = ChainSpecs.load(shared.chain());
    BasePath base = shared.basePath();
    Path db = base.chainDir(chainSpec.id()).resolve("db");
    var out = spec.commandLine().getOut();
    if (!Files.exists(db)) {
      out.printf("%s did not exist.%n", db);
      out.flush();
      return 0;
    }
    if (!yes) {
      out.printf("Are you sure to remove \"%s\"? [y/N]: ", db);
      out.flush();
      String answer =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
        out.println("Aborted");
        out.flush();
        return 0;
      }
    }
    try {
      BasePath.deleteRecursively(db);
    } catch (java.io.UncheckedIOException e) {
      throw new InvalidConfigurationException(
          "cannot remove " + db + ": " + e.getCause().getMessage(), e);
    }
    out.printf("\"%s\" removed.%n", db);
    out.flush();
    return 0;
  }
}
