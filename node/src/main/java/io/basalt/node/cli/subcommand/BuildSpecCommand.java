/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand;

import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.ChainSpecWriter;
import io.basalt.chainspec.Genesis;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.chain.GenesisFactory;
import io.basalt.node.cli.options.ImportOptions;
import io.basalt.node.cli.options.SharedOptions;
import io.basalt.node.config.BasePath;
import io.basalt.node.runtime.RuntimeGenesisBuilder;
import io.basalt.node.runtime.Runtimes;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code node build-spec}: prints the chain spec as JSON, optionally in raw form. */
@Command(
    name = "build-spec",
    mixinStandardHelpOptions = true,
    description = "Print the chain spec as JSON (raw storage with --raw).")
public final class BuildSpecCommand implements Callable<Integer> {
  @Mixin private SharedOptions shared = new SharedOptions();

  @ArgGroup(validate = false, heading = "%nExecution:%n")
  private ImportOptions imports = new ImportOptions();

  @Option(names = "--raw", description = "Write the genesis as raw storage (what nodes load).")
  private boolean raw;

  @Option(
      names = "--disable-default-bootnode",
      description = "Accepted for compatibility; this node adds no default boot node.")
  @SuppressWarnings("UnusedVariable") // accepted for Substrate compatibility; nothing to disable
  private boolean disableDefaultBootnode;

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ChainSpec chainSpec = ChainSpecs.load(shared.chain());
    if (raw && !(chainSpec.genesis() instanceof Genesis.Raw)) {
      BasePath base = shared.basePath();
      try (Runtimes runtimes = imports.runtimes(base, chainSpec.codeSubstitutes())) {
        chainSpec =
            chainSpec.withGenesis(
                GenesisFactory.rawStorage(chainSpec, new RuntimeGenesisBuilder(runtimes)));
      } finally {
        base.deleteIfTemporary();
      }
    }
    spec.commandLine().getOut().print(ChainSpecWriter.toJson(chainSpec));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
