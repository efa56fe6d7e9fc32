/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand;

import io.basalt.chainspec.ChainSpec;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.cli.options.ImportOptions;
import io.basalt.node.cli.options.SharedOptions;
import io.basalt.node.config.BasePath;
import io.basalt.node.runtime.Runtimes;
import io.basalt.storage.block.BlockRef;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code node chain-info}: prints the chain's best, genesis and finalized blocks as Substrate's
 * JSON, initialising the database with the genesis block first if it is empty.
 */
@Command(
    name = "chain-info",
    mixinStandardHelpOptions = true,
    description = "Print the best, genesis and finalized blocks as JSON.")
public final class ChainInfoCommand implements Callable<Integer> {
  @Mixin private SharedOptions shared = new SharedOptions();

  @ArgGroup(validate = false, heading = "%nExecution:%n")
  private ImportOptions imports = new ImportOptions();

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String chain = shared.chain();
    BasePath base = shared.basePath();
    try {
      ChainSpec chainSpec = ChainSpecs.load(chain);
      try (Runtimes runtimes = imports.runtimes(base, chainSpec.codeSubstitutes());
          ChainDatabase.Opened opened = ChainDatabase.openChain(chainSpec, base, runtimes)) {
        print(opened.db());
      }
    } finally {
      base.deleteIfTemporary();
    }
    return 0;
  }

  private void print(ChainDatabase db) {
    BlockRef best = db.blocks().best().orElseThrow();
    BlockRef finalized = db.blocks().finalized().orElseThrow();
    spec.commandLine()
        .getOut()
        .printf(
            "{\"best_hash\":\"%s\",\"best_number\":%d,\"genesis_hash\":\"%s\","
                + "\"finalized_hash\":\"%s\",\"finalized_number\":%d}%n",
            best.hash(),
            best.number(),
            db.blocks().genesisHash().orElseThrow(),
            finalized.hash(),
            finalized.number());
    spec.commandLine().getOut().flush();
  }
}
