/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand;

import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.ChainSpecWriter;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.chain.GenesisFactory;
import io.basalt.node.cli.options.SharedOptions;
import java.util.concurrent.Callable;
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

  @Option(names = "--raw", description = "Write the genesis as raw storage (what nodes load).")
  private boolean raw;

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ChainSpec chainSpec = ChainSpecs.load(shared.chain());
    if (raw) {
      chainSpec = chainSpec.withGenesis(GenesisFactory.rawStorage(chainSpec));
    }
    spec.commandLine().getOut().print(ChainSpecWriter.toJson(chainSpec));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
