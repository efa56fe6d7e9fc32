/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.chainspec.ChainSpecParser;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.LogCapture;
import io.basalt.node.NodeCli;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.chain.GenesisFactory;
import io.basalt.node.config.BasePath;
import io.basalt.node.runtime.RuntimeGenesisBuilder;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.types.Hash256;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.storage.block.BlockRef;
import io.basalt.testsupport.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Westend #1..#128 on {@code westend.json}, compiled and interpreted: every block imports, the best
 * block is #128 with the published hash, {@code chain-info} shows it, {@code export-blocks
 * --binary} gives back exactly the imported bytes, and its JSON export imports again into a fresh
 * database.
 *
 * <p>Block #2 carries unsigned extrinsics whose sr25519 signatures the runtime verifies ({@code
 * ext_crypto_sr25519_verify_version_2}); crypto is wired on another branch, so the blocks are
 * imported through {@link BlockImporter} with {@link TrustingCrypto}, which also records which
 * blocks verified signatures. {@code import-blocks} itself runs on block #1 here.
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

  /** Imports a block stream into the chain database under {@code base}; returns the results. */
  static List<BlockImportResult> importWithTrustingCrypto(
      Path base, WasmExecutionMethod method, InputStream in, boolean binary) {
    var spec = ChainSpecParser.parse(Fixtures.file("chainspecs/westend.json"));
    List<BlockImportResult> results = new ArrayList<>();
    TrustingCrypto crypto = new TrustingCrypto();
    List<Long> verified = new ArrayList<>();
    try (Runtimes runtimes =
            Runtimes.create(
                method,
                Optional.of(TestCaches.wasmCache()),
                Runtimes.services().withCrypto(crypto));
        ChainDatabase db = ChainDatabase.open(new BasePath(base, false).databaseDir(spec.id()))) {
      db.initialize(GenesisFactory.build(spec, new RuntimeGenesisBuilder(runtimes)));
      BlockImporter importer = new BlockImporter(db, runtimes, false);
      try (BlockFileReader reader = BlockFileReader.open(in, binary)) {
        for (Optional<SignedBlock> b = reader.next(); b.isPresent(); b = reader.next()) {
          int before = crypto.sr25519Verifications() + crypto.ed25519Verifications();
          BlockImportResult result = importer.importBlock(b.get());
          results.add(result);
          if (crypto.sr25519Verifications() + crypto.ed25519Verifications() > before) {
            verified.add(result.number());
          }
        }
      }
    }
    System.out.printf(
        "Westend blocks whose import verified signatures (%s): %s%n", method.cliName(), verified);
    return results;
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void importsWestendOneTo128AndExportsTheSameBytes(WasmExecutionMethod method, @TempDir Path dir)
      throws Exception {
    List<SignedBlock> blocks = FixtureBlocks.westend();
    List<Hash256> published = FixtureBlocks.publishedHashes("blocks/westend-1-128.json");
    byte[] exported = FixtureBlocks.binaryExport(blocks);
    Path base = dir.resolve("base");

    List<BlockImportResult> results =
        importWithTrustingCrypto(base, method, new ByteArrayInputStream(exported), true);
    assertThat(results).hasSize(128).allMatch(r -> r instanceof BlockImportResult.Imported);
    assertThat(results.stream().map(BlockImportResult::hash).toList()).isEqualTo(published);

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
    List<BlockImportResult> again =
        importWithTrustingCrypto(base2, method, Files.newInputStream(jsonOut), false);
    assertThat(again).hasSize(128).allMatch(r -> r instanceof BlockImportResult.Imported);
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
