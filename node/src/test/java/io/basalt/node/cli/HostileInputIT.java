/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli;

import static io.basalt.node.cli.BadInputTest.assertNoJavaNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.chainspec.ChainSpecParser;
import io.basalt.chainspec.Genesis;
import io.basalt.node.NodeCli;
import io.basalt.node.NodeProcess;
import io.basalt.node.importer.FixtureBlocks;
import io.basalt.node.importer.SignedBlockJson;
import io.basalt.node.importer.TestCaches;
import io.basalt.node.rpc.HttpRpcClient;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import io.basalt.runtime.demo.storage.StorageKeys;
import io.basalt.testsupport.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input suite: every bad input found by trying the node as a hostile but fair user
 * would, each run as a real process where the process matters (heap limits, signals, a second
 * process) and in-process otherwise. Each must end with one clean line (no stack trace, no Java
 * class name), the right exit code, and leave an existing database unchanged: the same {@code
 * chain-info} and a byte-identical {@code export-blocks --binary}.
 */
class HostileInputIT {
  private static final Pattern LOG_LINE =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d .*");
  private static final String INTERPRETED = "interpreted-i-know-what-i-do";
  private static final int PREPARED = 4;
  private static final Duration START = Duration.ofSeconds(60);

  @TempDir static Path shared;
  private static Path spec;
  private static Path base;
  private static Path allBlocks;
  private static String chainInfo;
  private static byte[] export;

  /** A Westend database holding #1..#4, and its fingerprint. */
  @BeforeAll
  static void prepare() throws IOException {
    spec = Fixtures.file("chainspecs/westend.json");
    base = shared.resolve("base");
    allBlocks =
        Files.write(
            shared.resolve("westend-1-128.bin"),
            FixtureBlocks.binaryExport(FixtureBlocks.westend()));
    Path first =
        Files.write(
            shared.resolve("first.bin"),
            FixtureBlocks.binaryExport(FixtureBlocks.westend().subList(0, PREPARED)));
    NodeCli imported = NodeCli.run(importArgs(base, "--binary", first.toString()));
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    chainInfo = chainInfo(base);
    export = export(base);
  }

  private static String[] importArgs(Path base, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "import-blocks",
                "--chain",
                spec.toString(),
                "-d",
                base.toString(),
                "--wasm-cache-dir",
                TestCaches.wasmCache().toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static String chainInfo(Path base) {
    NodeCli info = NodeCli.run("chain-info", "--chain", spec.toString(), "-d", base.toString());
    assertThat(info.exitCode()).as(info.err()).isZero();
    return info.out();
  }

  private static byte[] export(Path base) throws IOException {
    Path out = Files.createTempFile(shared, "export", ".bin");
    NodeCli exported =
        NodeCli.run(
            "export-blocks",
            "--chain",
            spec.toString(),
            "-d",
            base.toString(),
            "--binary",
            out.toString());
    assertThat(exported.exitCode()).as(exported.err()).isZero();
    return Files.readAllBytes(out);
  }

  private static void assertUnchanged() throws IOException {
    assertThat(chainInfo(base)).isEqualTo(chainInfo);
    assertThat(export(base)).isEqualTo(export);
  }

  /** A finished child process: exit code and stderr. */
  private record Run(int exitCode, String out, String err) {
    /** The lines that are not the node's log lines. */
    List<String> errors() {
      return err.lines().filter(l -> !LOG_LINE.matcher(l).matches()).toList();
    }
  }

  private static Run child(List<String> jvm, String... args)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(shared, "out", ".txt");
    Path err = Files.createTempFile(shared, "err", ".txt");
    int code = NodeProcess.run(jvm, out, err, args);
    return new Run(code, NodeProcess.read(out), NodeProcess.read(err));
  }

  /** Exit code 1 and one {@code Error:} line (after log lines), no Java names anywhere. */
  private static void assertOneLineError(Run run, String expectedStart) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).as("stdout").isEmpty();
    assertThat(run.errors()).as(run.err()).hasSize(1);
    assertThat(run.errors().getFirst()).startsWith(expectedStart);
    assertNoJavaNames(run.err());
  }

  private static void assertOneLineError(NodeCli result, String expectedStart) {
    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    assertThat(result.err().lines()).as(result.err()).hasSize(1);
    assertThat(result.err()).startsWith(expectedStart);
    assertNoJavaNames(result.err());
  }

  // --- Inputs of import-blocks, as real processes. ---

  @Test
  void aDirectoryAsTheBlockFile() throws Exception {
    Path dir = Files.createDirectories(shared.resolve("a-directory"));
    Run run = child(List.of(), importArgs(base, "--binary", dir.toString()));
    assertOneLineError(run, "Error: block file " + dir + " is a directory");
    assertUnchanged();
  }

  @Test
  void aBinaryFileReadAsJsonAndJsonReadAsBinary() throws Exception {
    Run binary = child(List.of(), importArgs(base, allBlocks.toString()));
    assertOneLineError(
        binary,
        "Error: Error reading block #1: the input looks binary, not JSON (a binary export? try"
            + " --binary)");
    Path json =
        Files.writeString(
            shared.resolve("five.json"),
            "\n  " + SignedBlockJson.toJson(FixtureBlocks.westend().get(PREPARED)));
    Run asBinary = child(List.of(), importArgs(base, "--binary", json.toString()));
    assertOneLineError(
        asBinary,
        "Error: Failed to decode the number of blocks: the input looks like JSON, not the binary"
            + " format (a JSON export? drop --binary)");
    assertUnchanged();
  }

  @Test
  void emptyFilesAreZeroBlocksInJsonAndAnErrorInBinary() throws Exception {
    Path empty = Files.createFile(shared.resolve("empty"));
    Run json = child(List.of(), importArgs(base, empty.toString()));
    assertThat(json.exitCode()).as(json.err()).isZero();
    assertThat(json.err())
        .contains("WARN basalt: The input is empty: there are no blocks to import")
        .contains("🎉 Imported 0 blocks. Best: #" + PREPARED);
    assertThat(json.errors()).isEmpty();
    Run binary = child(List.of(), importArgs(base, "--binary", empty.toString()));
    assertOneLineError(binary, "Error: Failed to decode the number of blocks: the input is empty");
    assertUnchanged();
  }

  @Test
  void sigtermDuringAnImportStopsBetweenBlocksAndTheImportResumes(@TempDir Path dir)
      throws Exception {
    Path fresh = dir.resolve("base");
    Path log = dir.resolve("log");
    Process node =
        NodeProcess.start(
            log,
            importArgs(fresh, "--wasm-execution", INTERPRETED, "--binary", allBlocks.toString()));
    NodeProcess.awaitLine(node, log, "✨ Imported #3 ", Duration.ofMinutes(2));
    node.destroy(); // SIGTERM
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = NodeProcess.read(log);
    assertThat(node.exitValue()).as(output).isZero();
    var interrupted =
        Pattern.compile("Interrupted after #(\\d+); the database is consistent").matcher(output);
    assertThat(interrupted.find()).as(output).isTrue();
    long at = Long.parseLong(interrupted.group(1));
    assertThat(at).isBetween(3L, 127L);
    assertThat(new ObjectMapper().readTree(chainInfo(fresh)).get("best_number").asLong())
        .isEqualTo(at);
    assertNoJavaNames(output);

    NodeCli resumed = NodeCli.run(importArgs(fresh, "--binary", allBlocks.toString()));
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(export(fresh)).isEqualTo(Files.readAllBytes(allBlocks));
  }

  // --- Options: usage errors (exit 2), as real processes. ---

  @Test
  void badLogLevelsSchemesAndOptionsAreUsageErrors() throws Exception {
    for (List<String> args :
        List.of(
            List.of("chain-info", "--dev", "-l", "runtime=loudest"),
            List.of("--dev", "-l", "nonsense=loud"),
            List.of("key", "generate", "--scheme", "foo"),
            List.of("chain-info", "--no-such-flag"))) {
      Run run = child(List.of(), args.toArray(String[]::new));
      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(run.err().lines().toList())
          .as(args.toString())
          .hasSize(2)
          .last()
          .isEqualTo("For more information, try '--help'.");
      assertThat(run.err()).startsWith("Error: ");
      assertNoJavaNames(run.err());
    }
  }

  @Test
  void anUnknownExecutionStrategyIsAUsageErrorAndChangesNothing() throws Exception {
    for (List<String> flag :
        List.of(
            List.of("--execution", "foo"),
            List.of("--execution-import-block", "native-else-wasm"),
            List.of("--execution-other", ""))) {
      List<String> args =
          new ArrayList<>(List.of("--chain", spec.toString(), "-d", base.toString()));
      args.addAll(flag);
      Run run = child(List.of(), args.toArray(String[]::new));
      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err().lines().toList())
          .as(flag.toString())
          .containsExactly(
              "Error: Invalid value for option '"
                  + flag.get(0)
                  + "': invalid value '"
                  + flag.get(1)
                  + "' [possible values: Native, Wasm, Both, NativeElseWasm]",
              "For more information, try '--help'.");
    }
    assertUnchanged();
  }

  // --- Transactions over RPC, on a running dev node. ---

  @Test
  void transactionsThatFailValidationAreRefusedOverRpcAndNeverStored(@TempDir Path dir)
      throws Exception {
    Path log = dir.resolve("dev.log");
    Process node =
        NodeProcess.start(
            log,
            "--dev",
            "-d",
            dir.resolve("dev").toString(),
            "--consensus",
            "instant-seal",
            "--rpc-port",
            "0",
            "--no-prometheus");
    try {
      HttpRpcClient rpc = new HttpRpcClient(NodeProcess.awaitRpcPort(node, log, START));
      ExtrinsicFactory xts =
          new ExtrinsicFactory(100, Hash256.fromHex(rpc.result("chain_getBlockHash", 0).asText()));
      Bytes valid = transfer(xts, DevAccounts.alice(), 0);
      byte[] tampered = valid.toArray();
      tampered[tampered.length - 1] ^= 1; // the amount, after signing
      // //Nobody has no balance to pay the fee with.
      Bytes unfunded = transfer(xts, DevAccounts.sr25519("Nobody"), 0);
      Map<Bytes, String> refused =
          Map.of(
              Bytes.wrap(tampered),
              "Transaction has a bad signature",
              unfunded,
              "Inability to pay some fees (e.g. account balance too low)");
      String bestBefore = rpc.result("chain_getBlockHash").asText();
      for (Map.Entry<Bytes, String> bad : refused.entrySet()) {
        assertRefused(rpc.error("author_submitExtrinsic", bad.getKey()), bad.getValue());
        assertThat(rpc.result("author_pendingExtrinsics")).as(bad.getValue()).isEmpty();
      }
      assertThat(rpc.result("chain_getBlockHash").asText())
          .as("no block for refused transactions")
          .isEqualTo(bestBefore);

      // The next block holds the valid transfer submitted after them, and none of them.
      rpc.result("author_submitExtrinsic", valid);
      JsonNode block = awaitBlockAfter(rpc, bestBefore);
      List<String> extrinsics = new ArrayList<>();
      block.get("block").get("extrinsics").forEach(x -> extrinsics.add(x.asText()));
      assertThat(extrinsics)
          .hasSize(2)
          .contains(valid.toHex())
          .doesNotContainAnyElementsOf(refused.keySet().stream().map(Bytes::toHex).toList());
      // The pool prunes what the block included once it hears of the import.
      Instant deadline = Instant.now().plus(START);
      while (!rpc.result("author_pendingExtrinsics").isEmpty()) {
        assertThat(Instant.now()).as("the pool pruned the included transfer").isBefore(deadline);
        Thread.sleep(10);
      }
      // Once included, the same transfer is stale.
      assertRefused(rpc.error("author_submitExtrinsic", valid), "Transaction is outdated");
      assertThat(rpc.result("author_pendingExtrinsics")).isEmpty();
      Bytes nobody =
          StorageKeys.mapEntry(
              "System", "Account", DevAccounts.account(DevAccounts.sr25519("Nobody")).bytes());
      assertThat(rpc.result("state_getStorage", nobody).isNull()).isTrue();
    } finally {
      node.destroy();
      assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    String output = NodeProcess.read(log);
    assertThat(node.exitValue()).as(output).isZero();
    assertThat(output).doesNotContain(" ERROR ");
    assertNoJavaNames(output);
  }

  private static Bytes transfer(ExtrinsicFactory xts, KeyPair from, long nonce) {
    return xts.signed(
            from,
            new RuntimeCall.TransferKeepAlive(
                MultiAddress.id(DevAccounts.bobId()), BigInteger.TEN.pow(12)),
            nonce)
        .encoded();
  }

  /** Substrate's author error for a transaction the runtime calls invalid. */
  private static void assertRefused(JsonNode error, String reason) {
    assertThat(error.get("code").asInt()).as(error.toString()).isEqualTo(1010);
    assertThat(error.get("message").asText()).isEqualTo("Invalid Transaction");
    assertThat(error.get("data").asText()).isEqualTo(reason);
  }

  private static JsonNode awaitBlockAfter(HttpRpcClient rpc, String parent) throws Exception {
    Instant deadline = Instant.now().plus(START);
    while (Instant.now().isBefore(deadline)) {
      JsonNode block = rpc.result("chain_getBlock");
      if (block.get("block").get("header").get("parentHash").asText().equals(parent)) {
        return block;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no block on " + parent + " within " + START);
  }

  // --- Chain specs: sizes. ---

  @Test
  void a200MbJunkSpecUnderA128MibHeapGetsOneLine() throws Exception {
    SplittableRandom random = new SplittableRandom(17);
    Path junk = shared.resolve("junk.json");
    try (OutputStream out = Files.newOutputStream(junk)) {
      byte[] chunk = new byte[1 << 20];
      for (int i = 0; i < 200; i++) {
        random.nextBytes(chunk);
        out.write(chunk);
      }
    }
    Path base = shared.resolve("junk-base");
    Run run =
        child(List.of("-Xmx128m"), "chain-info", "--chain", junk.toString(), "-d", base.toString());
    assertOneLineError(run, "Error: invalid JSON at line 1, column ");
    // 200 MB of valid hex in one value: over what 128 MiB can hold, under the spec limits.
    Path big = shared.resolve("big.json");
    try (OutputStream out = Files.newOutputStream(big)) {
      out.write(
          "{\"name\":\"x\",\"id\":\"x\",\"genesis\":{\"raw\":{\"top\":{\"0x3a636f6465\":\"0x"
              .getBytes(StandardCharsets.US_ASCII));
      byte[] hex = "ab".repeat(1 << 19).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 200; i++) {
        out.write(hex);
      }
      out.write("\"}}}}".getBytes(StandardCharsets.US_ASCII));
    }
    Run huge =
        child(List.of("-Xmx128m"), "chain-info", "--chain", big.toString(), "-d", base.toString());
    assertOneLineError(
        huge,
        "Error: out of the Java heap: the maximum heap is 128 MiB; raise it with -Xmx, e.g."
            + " JAVA_OPTS=-Xmx4g for bin/node or JAVA_TOOL_OPTIONS=-Xmx4g for any java command");
    assertThat(base).doesNotExist();
    Files.delete(junk);
    Files.delete(big);
  }

  @Test
  void aRuntimeOver10MbIsAccepted(@TempDir Path dir) throws Exception {
    Bytes code = ((Genesis.Raw) ChainSpecParser.parse(spec).genesis()).code().orElseThrow();
    // Westend's runtime with an 11 MB custom section appended: still a valid module.
    int size = 11_000_000;
    ByteArrayOutputStream section = new ByteArrayOutputStream();
    section.write(0); // custom section id
    writeLeb128(section, 1 + 3 + size);
    writeLeb128(section, 3);
    section.writeBytes("pad".getBytes(StandardCharsets.US_ASCII));
    section.writeBytes(new byte[size]);
    Bytes padded = code.concat(Bytes.wrap(section.toByteArray()));
    Path big =
        Files.writeString(
            dir.resolve("big-code.json"),
            "{\"name\":\"Big\",\"id\":\"big\",\"genesis\":{\"raw\":{\"top\":{\"0x3a636f6465\":\""
                + padded.toHex()
                + "\"},\"childrenDefault\":{}}}}");
    NodeCli info =
        NodeCli.run("chain-info", "--chain", big.toString(), "-d", dir.resolve("b").toString());
    assertThat(info.exitCode()).as(info.err()).isZero();
    assertThat(info.out()).contains("\"best_number\":0");
  }

  private static void writeLeb128(ByteArrayOutputStream out, int value) {
    do {
      int b = value & 0x7f;
      value >>>= 7;
      out.write(value == 0 ? b : b | 0x80);
    } while (value != 0);
  }

  // --- Memory. ---

  @Test
  void aCompileOutOfHeapRunsInterpretedWithOneWarning(@TempDir Path dir) throws Exception {
    // Westend's genesis runtime needs about 70 MiB to compile beside the 40 MiB its interpreted
    // form holds: in 96 MiB the tiered start does not compile it in the background, and the import
    // goes on interpreted, with one warning.
    Path cold = dir.resolve("cache");
    Run run =
        child(
            List.of("-Xmx96m"),
            "import-blocks",
            "--chain",
            spec.toString(),
            "-d",
            dir.resolve("base").toString(),
            "--wasm-cache-dir",
            cold.toString(),
            "--binary",
            shared.resolve("first.bin").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err().lines().filter(l -> l.contains("WARN")))
        .as(run.err())
        .singleElement()
        .asString()
        .contains("not enough heap to compile it (max heap 96 MiB); it runs in the interpreter");
    assertThat(run.errors()).isEmpty();
    assertThat(run.err() + run.out()).contains("Imported " + PREPARED + " blocks");
  }

  @Test
  void runningOutOfHeapElsewhereIsOneLineAndTheDatabaseIsIntact() throws Exception {
    // One announced block whose bytes never decode: the reader buffers up to 128 MiB.
    Path junk = shared.resolve("never-ends.bin");
    try (OutputStream out = Files.newOutputStream(junk)) {
      out.write(new byte[] {1, 0, 0, 0, 0, 0, 0, 0});
      out.write(SignedBlock.CODEC.encode(FixtureBlocks.westend().get(PREPARED)), 0, 40);
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) 0xff);
      for (int i = 0; i < 48; i++) {
        out.write(chunk);
      }
    }
    Run run = child(List.of("-Xmx64m"), importArgs(base, "--binary", junk.toString()));
    assertOneLineError(run, "Error: out of the Java heap: the maximum heap is 64 MiB; raise it");
    assertUnchanged();
    Files.delete(junk);
  }

  // --- Inputs that were handled before, kept in the suite (in-process). ---

  @Test
  void randomTruncatedAndHugeLengthBlockFilesChangeNothing() throws Exception {
    SignedBlock five = FixtureBlocks.westend().get(PREPARED);
    byte[] encoded = SignedBlock.CODEC.encode(five);
    ByteArrayOutputStream random = countOne();
    random.writeBytes(
        io.basalt.testsupport.RandomCases.bytes(new SplittableRandom(5), 10_000, 10_000));
    ByteArrayOutputStream truncated = countOne();
    truncated.write(encoded, 0, encoded.length - 7);
    // The header, then a body announcing 2^64 - 1 extrinsics.
    byte[] header = io.basalt.primitives.types.Header.CODEC.encode(five.block().header());
    ByteArrayOutputStream hugeLength = countOne();
    hugeLength.writeBytes(header);
    hugeLength.writeBytes(new byte[] {0x13, -1, -1, -1, -1, -1, -1, -1, -1, 0, 1, 2});
    for (var bad :
        List.of(
            List.of("random", random, "Error: Error reading block #1 at byte 8: "),
            List.of("truncated", truncated, "Error: Error reading block #1 at byte 8: "),
            List.of("huge length", hugeLength, "Error: Error reading block #1 at byte 8: "))) {
      Path file =
          Files.write(
              shared.resolve(bad.get(0) + ".bin"),
              ((ByteArrayOutputStream) bad.get(1)).toByteArray());
      NodeCli result = NodeCli.run(importArgs(base, "--binary", file.toString()));
      assertOneLineError(result, (String) bad.get(2));
      assertThat(result.err()).contains("; stopping after 0 imported blocks");
    }
    assertUnchanged();
  }

  private static ByteArrayOutputStream countOne() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {1, 0, 0, 0, 0, 0, 0, 0});
    return out;
  }

  @Test
  void aWrongParentAndATamperedExtrinsicChangeNothing() throws Exception {
    List<SignedBlock> blocks = FixtureBlocks.westend();
    Path orphan =
        Files.write(
            shared.resolve("orphan.bin"),
            FixtureBlocks.binaryExport(List.of(blocks.get(PREPARED + 1))));
    assertOneLineError(
        NodeCli.run(importArgs(base, "--binary", orphan.toString())),
        "Error: block #" + (PREPARED + 2) + " (");
    Block five = blocks.get(PREPARED).block();
    List<Bytes> extrinsics = new ArrayList<>(five.extrinsics());
    byte[] tampered = extrinsics.getFirst().toArray();
    tampered[tampered.length - 1] ^= 0x01;
    extrinsics.set(0, Bytes.wrap(tampered));
    Path file =
        Files.write(
            shared.resolve("tampered.bin"),
            FixtureBlocks.binaryExport(
                List.of(SignedBlock.of(new Block(five.header(), extrinsics)))));
    NodeCli result = NodeCli.run(importArgs(base, "--binary", file.toString()));
    assertOneLineError(result, "Error: block #" + (PREPARED + 1) + " (");
    assertThat(result.err()).contains(") is invalid: ");
    assertUnchanged();
  }

  @Test
  void aSecondProcessOnARunningNodesDatabaseIsRefused() throws Exception {
    Path log = shared.resolve("daemon.log");
    Process daemon = NodeProcess.start(log, "--chain", spec.toString(), "-d", base.toString());
    try {
      NodeProcess.awaitLine(
          daemon, log, "📦 Highest known block at #" + PREPARED, Duration.ofSeconds(60));
      Run second = child(List.of(), importArgs(base, "--binary", allBlocks.toString()));
      assertOneLineError(second, "Error: ");
      assertThat(second.errors().getFirst()).contains(base.toString());
    } finally {
      daemon.destroy();
      assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(daemon.exitValue()).isZero();
    assertUnchanged();
  }

  @Test
  void aCorruptDatabaseFileAndCorruptCacheEntries(@TempDir Path dir) throws Exception {
    // A copy of the prepared database whose CURRENT file names a missing manifest.
    Path copy = dir.resolve("copy");
    try (Stream<Path> files = Files.walk(base)) {
      for (Path f : files.toList()) {
        Path target = copy.resolve(base.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    Path current = copy.resolve("chains/westend2/db/full/CURRENT");
    Files.writeString(current, "MANIFEST-999999\n");
    NodeCli broken = NodeCli.run("chain-info", "--chain", spec.toString(), "-d", copy.toString());
    assertOneLineError(broken, "Error: ");
    assertThat(broken.err()).contains(copy.resolve("chains/westend2/db/full").toString());

    // Every file of a filled compilation cache overwritten with junk: recompiled, with a warning.
    Path cache = dir.resolve("cache");
    Path two =
        Files.write(
            dir.resolve("two.bin"),
            FixtureBlocks.binaryExport(FixtureBlocks.westend().subList(0, 2)));
    String[] args = {
      "import-blocks",
      "--chain",
      spec.toString(),
      "-d",
      dir.resolve("b").toString(),
      "--wasm-cache-dir",
      cache.toString(),
      "--binary",
      two.toString()
    };
    assertThat(NodeCli.run(args).exitCode()).isZero();
    try (Stream<Path> files = Files.walk(cache)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.writeString(f, "junk");
      }
    }
    Run recovered =
        child(
            List.of(),
            "import-blocks",
            "--chain",
            spec.toString(),
            "-d",
            dir.resolve("c").toString(),
            "--wasm-cache-dir",
            cache.toString(),
            "--binary",
            two.toString());
    assertThat(recovered.exitCode()).as(recovered.err()).isZero();
    assertThat(recovered.err()).contains("WARN").contains("🎉 Imported 2 blocks. Best: #2");
    assertThat(recovered.errors()).isEmpty();
  }
}
