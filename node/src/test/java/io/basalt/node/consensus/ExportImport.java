/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.ChainSpecParser;
import io.basalt.node.NodeCli;
import io.basalt.node.service.DevConfigs;
import io.basalt.node.service.NodeService;
import io.basalt.primitives.bytes.Hash256;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A chain moved from one node to another as a user moves it: export-blocks, then import-blocks. */
public final class ExportImport {
  private ExportImport() {}

  /**
   * Exports the chain of the node at {@code from} to {@code dir/blocks.json} and imports it into a
   * fresh node at {@code dir/b} with verification on; checks that the importing node's best block
   * is {@code best} at {@code number}.
   *
   * @return the exported file
   */
  public static Path exportThenImport(Path spec, Path from, Path dir, long number, Hash256 best) {
    Path exported = dir.resolve("blocks.json");
    NodeCli export = NodeCli.run(cli("export-blocks", spec, from, exported.toString()));
    assertThat(export.exitCode()).as(export.err()).isZero();
    Path b = dir.resolve("b");
    NodeCli imported = NodeCli.run(cli("import-blocks", spec, b, exported.toString()));
    assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
    ChainSpec chainSpec = ChainSpecParser.parse(spec);
    try (NodeService node =
        NodeService.start(
            DevConfigs.at(b).authority(false).build(), chainSpec, Clock.systemUTC())) {
      assertThat(node.chain().best().number()).isEqualTo(number);
      assertThat(node.chain().best().hash()).isEqualTo(best);
    }
    return exported;
  }

  /** {@code COMMAND --chain SPEC -d BASE MORE...}. */
  public static String[] cli(String command, Path spec, Path base, String... more) {
    List<String> args =
        new ArrayList<>(List.of(command, "--chain", spec.toString(), "-d", base.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }
}
