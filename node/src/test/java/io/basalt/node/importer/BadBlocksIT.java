/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.ChainSpecParser;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.NodeCli;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.chain.GenesisFactory;
import io.basalt.node.config.BasePath;
import io.basalt.node.runtime.RuntimeGenesisBuilder;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.primitives.types.StateVersion;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.storage.block.BlockRef;
import io.basalt.storage.kv.Column;
import io.basalt.storage.kv.KeyValue;
import io.basalt.storage.kv.KeyValueStore;
import io.basalt.storage.kv.rocksdb.RocksDbKeyValueStore;
import io.basalt.storage.trie.StateCommit;
import io.basalt.storage.trie.StateTrie;
import io.basalt.storage.trie.TrieRoot;
import io.basalt.testsupport.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bad input loses nothing and explains itself: blocks with a wrong state root, an unknown parent or
 * a number that does not follow; runtimes that trap, panic, import a missing host function, are
 * corrupted or are a compression bomb; truncated block files. Each is refused with a one-line
 * reason and the database keeps exactly what it had.
 */
class BadBlocksIT {

  private static String westendSpec() {
    return Fixtures.file("chainspecs/westend.json").toString();
  }

  /** A Westend database at genesis under {@code base}, and an importer on it. */
  private static <T> T withWestend(
      Path base,
      WasmExecutionMethod method,
      java.util.function.BiFunction<ChainDatabase, BlockImporter, T> body) {
    ChainSpec spec = ChainSpecParser.parse(Fixtures.file("chainspecs/westend.json"));
    try (Runtimes runtimes = Runtimes.create(method, Optional.of(TestCaches.wasmCache()));
        ChainDatabase.Opened chain =
            ChainDatabase.openChain(spec, new BasePath(base, false), runtimes)) {
      return body.apply(chain.db(), new BlockImporter(chain.db(), runtimes, false));
    }
  }

  private static long count(Path base, String chainId, Column column) {
    try (KeyValueStore kv =
            RocksDbKeyValueStore.open(new BasePath(base, false).databaseDir(chainId));
        Stream<KeyValue> entries = kv.prefix(column, Bytes.EMPTY)) {
      return entries.count();
    }
  }

  private static SignedBlock withStateRoot(SignedBlock block, Hash256 stateRoot) {
    Header h = block.block().header();
    return SignedBlock.of(
        new Block(
            new Header(h.parentHash(), h.number(), stateRoot, h.extrinsicsRoot(), h.digest()),
            block.block().extrinsics()));
  }

  private static Hash256 flipFirstByte(Hash256 hash) {
    byte[] raw = hash.toArray();
    raw[0] ^= 0x01;
    return Hash256.wrap(raw);
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void wrongStateRootIsInvalidAndWritesNothing(WasmExecutionMethod method, @TempDir Path base) {
    withWestend(base, method, (db, importer) -> null);
    long nodes = count(base, "westend2", Column.TRIE_NODES);
    long headers = count(base, "westend2", Column.HEADERS);
    SignedBlock first = FixtureBlocks.westend().get(0);
    SignedBlock bad = withStateRoot(first, flipFirstByte(first.block().header().stateRoot()));

    BlockImportResult result =
        withWestend(base, method, (db, importer) -> importer.importBlock(bad));

    assertThat(result).isInstanceOf(BlockImportResult.Invalid.class);
    // The runtime itself compares the roots in execute_block and panics.
    assertThat(((BlockImportResult.Invalid) result).reason())
        .startsWith("runtime call Core_execute_block panicked: ")
        .contains("Storage root must match that calculated");
    assertThat(count(base, "westend2", Column.TRIE_NODES)).isEqualTo(nodes);
    assertThat(count(base, "westend2", Column.HEADERS)).isEqualTo(headers);
    withWestend(
        base,
        method,
        (db, importer) -> {
          assertThat(db.blocks().best().orElseThrow().number()).isZero();
          assertThat(db.blocks().hasHeader(bad.block().hash())).isFalse();
          // The good block still imports afterwards.
          assertThat(importer.importBlock(first)).isInstanceOf(BlockImportResult.Imported.class);
          return null;
        });
  }

  @Test
  void unknownParentAndANumberThatDoesNotFollowAreRefused(@TempDir Path base) {
    List<SignedBlock> blocks = FixtureBlocks.westend();
    withWestend(
        base,
        WasmExecutionMethod.INTERPRETED,
        (db, importer) -> {
          BlockImportResult orphan = importer.importBlock(blocks.get(1));
          assertThat(orphan)
              .isEqualTo(
                  new BlockImportResult.UnknownParent(
                      blocks.get(1).block().hash(), 2, blocks.get(0).block().hash()));

          Header h = blocks.get(0).block().header();
          SignedBlock renumbered =
              SignedBlock.of(
                  new Block(
                      new Header(h.parentHash(), 5, h.stateRoot(), h.extrinsicsRoot(), h.digest()),
                      blocks.get(0).block().extrinsics()));
          BlockImportResult skipped = importer.importBlock(renumbered);
          assertThat(skipped).isInstanceOf(BlockImportResult.Invalid.class);
          assertThat(((BlockImportResult.Invalid) skipped).reason())
              .startsWith("its number does not follow its parent #0");
          assertThat(db.blocks().best().orElseThrow().number()).isZero();
          return null;
        });
  }

  /** A database whose genesis state holds {@code code}, built without checking the code. */
  private static BlockImportResult importOnGenesisCode(Path base, Bytes code) {
    StateCommit state =
        StateTrie.build(new TreeMap<>(Map.of(WellKnownKeys.CODE, code)), Map.of(), StateVersion.V0);
    Header genesis = new Header(Hash256.ZERO, 0, state.root(), TrieRoot.EMPTY, List.of());
    try (Runtimes runtimes =
            Runtimes.create(WasmExecutionMethod.INTERPRETED, Optional.of(TestCaches.wasmCache()));
        ChainDatabase db = ChainDatabase.open(base.resolve("db"))) {
      db.initialize(new GenesisFactory.GenesisBlock(genesis, state, Optional.empty()));
      SignedBlock block =
          SignedBlock.of(
              new Block(
                  new Header(genesis.hash(), 1, state.root(), TrieRoot.EMPTY, List.of()),
                  List.of()));
      BlockImportResult result = new BlockImporter(db, runtimes, false).importBlock(block);
      assertThat(db.blocks().best()).contains(new BlockRef(genesis.hash(), 0));
      assertThat(db.blocks().hasHeader(block.block().hash())).isFalse();
      return result;
    }
  }

  @Test
  void aZstdBombInTheParentStateIsRefused(@TempDir Path base) {
    byte[] frame = Zstd.compress(new byte[60 * 1024 * 1024]);
    Bytes bomb = Bytes.fromHex("0x52bc537646db8e05").concat(Bytes.wrap(frame));
    BlockImportResult result = importOnGenesisCode(base, bomb);
    assertThat(result).isInstanceOf(BlockImportResult.Invalid.class);
    assertThat(((BlockImportResult.Invalid) result).reason())
        .startsWith("the runtime at the parent state is unusable: ")
        .contains("possible compression bomb");
  }

  @Test
  void corruptedWasmInTheParentStateIsRefused(@TempDir Path base) {
    byte[] wasm = TestRuntimes.acceptsEverything().toArray();
    // Core_execute_block's body is `i64.const 0; end` (0x42 0x00 0x0b): make its opcode invalid.
    // The section headers stay intact, so only parsing the code finds it.
    int at = -1;
    for (int i = 0; i + 2 < wasm.length; i++) {
      if (wasm[i] == 0x42 && wasm[i + 1] == 0x00 && wasm[i + 2] == 0x0b) {
        at = i;
      }
    }
    assertThat(at).isPositive();
    wasm[at] = (byte) 0xff;
    BlockImportResult result = importOnGenesisCode(base, Bytes.wrap(wasm));
    assertThat(result).isInstanceOf(BlockImportResult.Invalid.class);
    assertThat(((BlockImportResult.Invalid) result).reason())
        .startsWith("the runtime at the parent state is unusable: ")
        .contains("is not a valid Wasm module");
  }

  @Test
  void missingStateCodeIsRefused(@TempDir Path base) {
    StateCommit state =
        StateTrie.build(
            new TreeMap<>(Map.of(Bytes.fromHex("0x01"), Bytes.fromHex("0x02"))),
            Map.of(),
            StateVersion.V0);
    Header genesis = new Header(Hash256.ZERO, 0, state.root(), TrieRoot.EMPTY, List.of());
    try (Runtimes runtimes = Runtimes.create(WasmExecutionMethod.INTERPRETED, Optional.empty());
        ChainDatabase db = ChainDatabase.open(base.resolve("db"))) {
      db.initialize(new GenesisFactory.GenesisBlock(genesis, state, Optional.empty()));
      BlockImportResult result =
          new BlockImporter(db, runtimes, false)
              .importBlock(
                  SignedBlock.of(
                      new Block(
                          new Header(genesis.hash(), 1, state.root(), TrieRoot.EMPTY, List.of()),
                          List.of())));
      assertThat(((BlockImportResult.Invalid) result).reason())
          .contains("has no runtime: `:code` is missing");
    }
  }

  // --- The command line: one error line, exit 1, earlier blocks kept. ---

  private static String[] cli(String command, Path spec, Path base, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                command,
                "--chain",
                spec.toString(),
                "-d",
                base.toString(),
                "--wasm-execution",
                "interpreted-i-know-what-i-do"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** Block #1 on the genesis of a WAT test chain, as a one-block JSON file. */
  private static Path blockOneFile(Path dir, Path spec) throws Exception {
    Header genesis;
    try (Runtimes runtimes = Runtimes.create(WasmExecutionMethod.INTERPRETED, Optional.empty())) {
      genesis =
          GenesisFactory.build(ChainSpecParser.parse(spec), new RuntimeGenesisBuilder(runtimes))
              .header();
    }
    SignedBlock block =
        SignedBlock.of(
            new Block(
                new Header(genesis.hash(), 1, genesis.stateRoot(), TrieRoot.EMPTY, List.of()),
                List.of()));
    return Files.writeString(dir.resolve("block1.json"), SignedBlockJson.toJson(block));
  }

  private static void assertOneLineError(NodeCli result, String... fragments) {
    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err()).startsWith("Error: ");
    for (String f : fragments) {
      assertThat(result.err()).contains(f);
    }
  }

  private static long bestNumber(Path spec, Path base) throws Exception {
    NodeCli info = NodeCli.run(cli("chain-info", spec, base));
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(info.out())
        .get("best_number")
        .asLong();
  }

  @Test
  void runtimeThatTrapsStopsTheImportWithOneLine(@TempDir Path dir) throws Exception {
    Path spec = TestRuntimes.rawSpec(dir, "traps", TestRuntimes.traps());
    Path base = dir.resolve("base");
    NodeCli result =
        NodeCli.run(cli("import-blocks", spec, base, blockOneFile(dir, spec).toString()));
    assertOneLineError(
        result,
        "Error: block #1 (0x",
        ") is invalid: runtime call Core_execute_block trapped: ",
        "unreachable",
        "; stopping after 0 imported blocks");
    assertThat(bestNumber(spec, base)).isZero();
  }

  @Test
  void runtimePanicMessageIsTheReason(@TempDir Path dir) throws Exception {
    Path spec = TestRuntimes.rawSpec(dir, "panics", TestRuntimes.panics());
    NodeCli result =
        NodeCli.run(
            cli("import-blocks", spec, dir.resolve("base"), blockOneFile(dir, spec).toString()));
    assertOneLineError(result, "Core_execute_block panicked: the runtime refuses this block");
  }

  @Test
  void missingHostFunctionIsNamed(@TempDir Path dir) throws Exception {
    Path spec = TestRuntimes.rawSpec(dir, "missing", TestRuntimes.missingHostFunction());
    NodeCli result =
        NodeCli.run(
            cli("import-blocks", spec, dir.resolve("base"), blockOneFile(dir, spec).toString()));
    assertOneLineError(
        result, "the runtime at the parent state is unusable: ", "env.ext_teleport_version_1");
  }

  @Test
  void zstdBombGenesisFailsBeforeCreatingTheDatabase(@TempDir Path dir) throws Exception {
    byte[] frame = Zstd.compress(new byte[60 * 1024 * 1024]);
    Path spec =
        TestRuntimes.rawSpec(
            dir, "bomb", Bytes.fromHex("0x52bc537646db8e05").concat(Bytes.wrap(frame)));
    Path base = dir.resolve("base");
    NodeCli result = NodeCli.run(cli("chain-info", spec, base));
    assertOneLineError(result, "Error: genesis `:code` is unusable: ", "possible compression bomb");
    assertThat(base.resolve("chains")).doesNotExist();
  }

  @Test
  void badBlockAfterGoodOnesKeepsTheGoodOnes(@TempDir Path dir) throws Exception {
    SignedBlock first = FixtureBlocks.westend().get(0);
    SignedBlock bad = withStateRoot(first, flipFirstByte(first.block().header().stateRoot()));
    // A JSON stream without separators: block #1, then a forged #1 with another state root, which
    // BABE refuses before executing it: its seal signs the original header.
    Path file =
        Files.writeString(
            dir.resolve("blocks.json"),
            SignedBlockJson.toJson(first) + SignedBlockJson.toJson(bad));
    Path spec = Path.of(westendSpec());
    Path base = dir.resolve("base");
    NodeCli result = NodeCli.run(cli("import-blocks", spec, base, file.toString()));
    assertOneLineError(
        result,
        "Error: block #1 (" + bad.block().hash() + ") is invalid: ",
        "bad seal: not signed by authority #0",
        "; stopping after 1 imported block");
    assertThat(bestNumber(spec, base)).isEqualTo(1);
  }

  @Test
  void truncatedBinaryFileStopsAtTheTruncatedBlock(@TempDir Path dir) throws Exception {
    byte[] two = FixtureBlocks.binaryExport(FixtureBlocks.westend().subList(0, 2));
    Path file = dir.resolve("truncated.bin");
    Files.write(file, java.util.Arrays.copyOf(two, two.length - 10));
    Path spec = Path.of(westendSpec());
    Path base = dir.resolve("base");
    NodeCli result = NodeCli.run(cli("import-blocks", spec, base, "--binary", file.toString()));
    int firstLength = FixtureBlocks.binaryExport(FixtureBlocks.westend().subList(0, 1)).length;
    assertOneLineError(
        result,
        "Error: Error reading block #2 at byte "
            + firstLength
            + ": the input ends inside the block",
        "; stopping after 1 imported block");
    assertThat(bestNumber(spec, base)).isEqualTo(1);

    ByteArrayOutputStream garbage = new ByteArrayOutputStream();
    garbage.write(new byte[] {1, 0, 0, 0, 0, 0, 0}, 0, 7);
    Path shortHeader = Files.write(dir.resolve("short.bin"), garbage.toByteArray());
    assertOneLineError(
        NodeCli.run(cli("import-blocks", spec, base, "--binary", shortHeader.toString())),
        "Failed to decode the number of blocks");
  }

  @Test
  void anUnknownParentOnTheCommandLineIsOneLineAndChangesNothing(@TempDir Path dir)
      throws Exception {
    List<SignedBlock> blocks = FixtureBlocks.westend();
    Path spec = Path.of(westendSpec());
    Path base = dir.resolve("base");
    Path first =
        Files.writeString(dir.resolve("first.json"), SignedBlockJson.toJson(blocks.get(0)));
    assertThat(NodeCli.run(cli("import-blocks", spec, base, first.toString())).exitCode()).isZero();
    NodeCli before = NodeCli.run(cli("chain-info", spec, base));
    long nodes = count(base, "westend2", Column.TRIE_NODES);
    long headers = count(base, "westend2", Column.HEADERS);

    // #3 without #2.
    SignedBlock orphan = blocks.get(2);
    Path gap = Files.writeString(dir.resolve("gap.json"), SignedBlockJson.toJson(orphan));
    NodeCli result = NodeCli.run(cli("import-blocks", spec, base, gap.toString()));
    assertOneLineError(
        result,
        "Error: block #3 ("
            + orphan.block().hash()
            + ") has an unknown parent "
            + blocks.get(1).block().hash()
            + "; import its ancestors first; stopping after 0 imported blocks");

    assertThat(NodeCli.run(cli("chain-info", spec, base)).out()).isEqualTo(before.out());
    assertThat(bestNumber(spec, base)).isEqualTo(1);
    assertThat(count(base, "westend2", Column.TRIE_NODES)).isEqualTo(nodes);
    assertThat(count(base, "westend2", Column.HEADERS)).isEqualTo(headers);
  }

  /** Runs the CLI with {@code stdin} as its standard input. */
  private static NodeCli withStdin(byte[] stdin, String[] args) {
    java.io.InputStream original = System.in;
    System.setIn(new java.io.ByteArrayInputStream(stdin));
    try {
      return NodeCli.run(args);
    } finally {
      System.setIn(original);
    }
  }

  @Test
  void blocksImportFromStdinInBothFormatsAndBadInputThereChangesNothing(@TempDir Path dir)
      throws Exception {
    List<SignedBlock> blocks = FixtureBlocks.westend();
    Path spec = Path.of(westendSpec());
    Path base = dir.resolve("base");

    // `-`: Substrate's binary export of #1..#3 on stdin.
    NodeCli binary =
        withStdin(
            FixtureBlocks.binaryExport(blocks.subList(0, 3)),
            cli("import-blocks", spec, base, "--binary", "-"));
    assertThat(binary.exitCode()).as(binary.err()).isZero();
    com.fasterxml.jackson.databind.JsonNode info =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(NodeCli.run(cli("chain-info", spec, base)).out());
    assertThat(info.get("best_number").asLong()).isEqualTo(3);
    assertThat(info.get("best_hash").asText()).isEqualTo(blocks.get(2).block().hash().toHex());

    // No FILE: a JSON stream of #4 and #5 on stdin.
    String json = SignedBlockJson.toJson(blocks.get(3)) + SignedBlockJson.toJson(blocks.get(4));
    NodeCli fromJson =
        withStdin(
            json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            cli("import-blocks", spec, base));
    assertThat(fromJson.exitCode()).as(fromJson.err()).isZero();
    assertThat(bestNumber(spec, base)).isEqualTo(5);

    // Garbage on stdin: one line, nothing changes.
    NodeCli before = NodeCli.run(cli("chain-info", spec, base));
    long nodes = count(base, "westend2", Column.TRIE_NODES);
    NodeCli garbage =
        withStdin(
            new byte[] {7, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3},
            cli("import-blocks", spec, base, "--binary", "-"));
    assertOneLineError(garbage, "Error: ", "; stopping after 0 imported blocks");
    assertThat(NodeCli.run(cli("chain-info", spec, base)).out()).isEqualTo(before.out());
    assertThat(count(base, "westend2", Column.TRIE_NODES)).isEqualTo(nodes);
  }
}
