/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.LogCapture;
import io.basalt.node.NodeCli;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.config.BasePath;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.storage.block.BlockRef;
import io.basalt.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Westend #1..#128 on {@code westend.json}, compiled and interpreted: every block imports, the best
 * block is #128 with the published hash, {@code chain-info} shows it, {@code export-blocks
 * --binary} gives back exactly the imported bytes, and its JSON export imports again into a fresh
 * database.
 *
 * <p>Everything goes through the real commands ({@code import-blocks}, {@code chain-info}, {@code
 * export-blocks}). Block #2 carries unsigned extrinsics whose sr25519 signatures the runtime
 * verifies through {@code ext_crypto_sr25519_verify_version_2}, so its import also proves the
 * signature verification.
 */
class WestendImportIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WESTEND_GENESIS =
      "0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e";

  static String[] cli(String command, Path base, WasmExecutionMethod method, String... more) {
    List<String> args = new ArrayList<>();
    args.add(command);
    args.addAll(
        List.of(
            "--chain",
            Fixtures.file("chainspecs/westend.json").toString(),
            "-d",
            base.toString(),
            "--wasm-execution",
            method.cliName(),
            "--wasm-cache-dir",
            TestCaches.wasmCache().toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /**
   * {@code --execution Native} asks for the native runtime everywhere, but Basalt's native runtime
   * is basalt-demo: Westend's runtime cannot call with it, so every block runs in Wasm (said once)
   * and imports with the published state roots.
   */
  @org.junit.jupiter.api.Test
  void withExecutionNativeWestendStillRunsInWasmWithTheSameRoots(@TempDir Path dir)
      throws Exception {
    List<Hash256> published = FixtureBlocks.publishedHashes("blocks/westend-1-128.json");
    Path base = dir.resolve("base");
    Path input =
        Files.write(
            dir.resolve("westend-1-128.bin"), FixtureBlocks.binaryExport(FixtureBlocks.westend()));
    LogCapture.Captured<NodeCli> imported =
        LogCapture.run(
            () ->
                NodeCli.run(
                    cli(
                        "import-blocks",
                        base,
                        WasmExecutionMethod.COMPILED,
                        "--execution",
                        "Native",
                        "--binary",
                        input.toString())));
    assertThat(imported.result().exitCode()).as(imported.result().err()).isZero();
    assertThat(imported.lines()).contains("🎉 Imported 128 blocks. Best: #128");
    assertThat(imported.lines())
        .filteredOn(line -> line.startsWith("Native runtime basalt-demo/100 cannot call"))
        .containsExactly(
            "Native runtime basalt-demo/100 cannot call the on-chain runtime westend/1"
                + " (spec_name basalt-demo ≠ westend, spec_version 100 ≠ 1, authoring_version 1 ≠ 2):"
                + " running Wasm");
    try (ChainDatabase db = ChainDatabase.open(new BasePath(base, false).databaseDir("westend2"))) {
      assertThat(db.blocks().canonicalHash(128)).contains(published.get(127));
    }
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void importsWestendOneTo128AndExportsTheSameBytes(WasmExecutionMethod method, @TempDir Path dir)
      throws Exception {
    List<SignedBlock> blocks = FixtureBlocks.westend();
    List<Hash256> published = FixtureBlocks.publishedHashes("blocks/westend-1-128.json");
    byte[] exported = FixtureBlocks.binaryExport(blocks);
    Path base = dir.resolve("base");
    Path input = Files.write(dir.resolve("westend-1-128.bin"), exported);

    LogCapture.Captured<NodeCli> imported =
        LogCapture.run(
            () -> NodeCli.run(cli("import-blocks", base, method, "--binary", input.toString())));
    assertThat(imported.result().exitCode()).as(imported.result().err()).isZero();
    assertThat(imported.lines()).contains("🎉 Imported 128 blocks. Best: #128");
    try (ChainDatabase db = ChainDatabase.open(new BasePath(base, false).databaseDir("westend2"))) {
      for (int n = 1; n <= 128; n++) {
        assertThat(db.blocks().canonicalHash(n)).as("#%d", n).contains(published.get(n - 1));
      }
    }

    NodeCli info = NodeCli.run(cli("chain-info", base, method));
    assertThat(info.exitCode()).as(info.err()).isZero();
    JsonNode chain = JSON.readTree(info.out());
    assertThat(chain.get("best_number").asLong()).isEqualTo(128);
    assertThat(chain.get("best_hash").asText()).isEqualTo(published.get(127).toHex());
    assertThat(chain.get("genesis_hash").asText()).isEqualTo(WESTEND_GENESIS);

    Path binaryOut = dir.resolve("export.bin");
    LogCapture.Captured<NodeCli> export =
        LogCapture.run(
            () ->
                NodeCli.run(cli("export-blocks", base, method, "--binary", binaryOut.toString())));
    assertThat(export.result().exitCode()).as(export.result().err()).isZero();
    assertThat(export.lines()).contains("Exporting blocks from #1 to #128");
    assertThat(Files.readAllBytes(binaryOut)).isEqualTo(exported);

    Path jsonOut = dir.resolve("export.json");
    NodeCli exportJson =
        NodeCli.run(
            cli("export-blocks", base, method, "--from", "1", "--to", "128", jsonOut.toString()));
    assertThat(exportJson.exitCode()).as(exportJson.err()).isZero();
    Path base2 = dir.resolve("base2");
    NodeCli again = NodeCli.run(cli("import-blocks", base2, method, jsonOut.toString()));
    assertThat(again.exitCode()).as(again.err()).isZero();
    NodeCli info2 = NodeCli.run(cli("chain-info", base2, method));
    assertThat(info2.out()).isEqualTo(info.out());
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void importBlocksCommandImportsBlockOne(WasmExecutionMethod method, @TempDir Path dir)
      throws Exception {
    List<SignedBlock> first = FixtureBlocks.westend().subList(0, 1);
    Path input = Files.write(dir.resolve("one.bin"), FixtureBlocks.binaryExport(first));
    Path base = dir.resolve("base");

    LogCapture.Captured<NodeCli> imported =
        LogCapture.run(
            () -> NodeCli.run(cli("import-blocks", base, method, "--binary", input.toString())));
    assertThat(imported.result().exitCode()).as(imported.result().err()).isZero();
    assertThat(imported.lines())
        .contains("✨ Imported #1 (0x44ef…e036)", "🎉 Imported 1 blocks. Best: #1");
    // Importing the same file again: the block is known, nothing changes.
    LogCapture.Captured<NodeCli> again =
        LogCapture.run(
            () -> NodeCli.run(cli("import-blocks", base, method, "--binary", input.toString())));
    assertThat(again.result().exitCode()).as(again.result().err()).isZero();
    assertThat(again.text()).doesNotContain("✨").contains("🎉 Imported 1 blocks. Best: #1");

    try (ChainDatabase db = ChainDatabase.open(new BasePath(base, false).databaseDir("westend2"))) {
      assertThat(db.blocks().best()).contains(new BlockRef(first.get(0).block().hash(), 1));
      assertThat(db.canonicalBlock(1)).contains(first.get(0));
    }
  }
}
