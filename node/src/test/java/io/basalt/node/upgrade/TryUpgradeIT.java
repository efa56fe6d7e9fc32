/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.ChainSpecParser;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.RuntimeVersionSection;
import io.basalt.node.NodeCli;
import io.basalt.node.authoring.Consensus;
import io.basalt.node.authoring.DevSealer;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.config.ImportConfig;
import io.basalt.node.importer.TestCaches;
import io.basalt.node.service.DevConfigs;
import io.basalt.node.service.NodeService;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.storage.block.BlockRef;
import io.basalt.testsupport.Fixtures;
import io.basalt.testsupport.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code node try-upgrade} end to end, real RocksDB and real Chicory: the demo chain at v100
 * upgraded to v101 (its Template migration's event and log line in the report), the refusals of a
 * renamed runtime, a lower spec_version and a file that is not Wasm (one line, exit code 1), and
 * the source database byte for byte unchanged; then node-template and westend-dev upgraded to their
 * own code under a higher spec_version, 10 blocks after.
 */
class TryUpgradeIT {
  private static final Path V101 = ProjectFiles.file("runtime-wasm/blobs/basalt_demo_v101.wasm");

  private static String[] cli(String chain, Path base, Path wasm, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "try-upgrade",
                "--chain",
                chain,
                "-d",
                base.toString(),
                "--wasm",
                wasm.toString(),
                "--wasm-cache-dir",
                TestCaches.wasmCache().toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** A manual-seal dev node at {@code base}, compiled runtimes in the tests' shared cache. */
  static DevConfigs configAt(Path base) {
    ImportConfig d = ImportConfig.defaults();
    return DevConfigs.at(base)
        .consensus(new Consensus.Manual())
        .imports(
            new ImportConfig(
                d.wasmExecution(),
                false,
                Optional.of(TestCaches.wasmCache()),
                Map.of(),
                Optional.empty(),
                d.runtimeCacheSize()));
  }

  @Test
  void demoChainUpgradesToV101AndRefusalsAreOneLineAndTheSourceIsUnchanged(@TempDir Path dir)
      throws Exception {
    ChainSpec dev = ChainSpecs.load("dev");
    Path base = dir.resolve("node");
    BlockRef best;
    NodeCli whileRunning;
    try (NodeService node = NodeService.start(configAt(base).build(), dev, Clock.systemUTC())) {
      DevSealer sealer = node.sealer().orElseThrow();
      for (int i = 0; i < 3; i++) {
        sealer.createBlock(true, true, Optional.empty()).join();
      }
      best = node.chain().best();
      assertThat(best.number()).isEqualTo(3);
      // The node still has its database open: the rehearsal reads it without its lock.
      whileRunning = NodeCli.run(cli("dev", base, V101));
      assertThat(node.chain().best()).isEqualTo(best);
    }
    assertThat(whileRunning.exitCode()).as(whileRunning.err()).isZero();

    Path db = base.resolve("chains").resolve(dev.id()).resolve("db").resolve("full");
    Map<String, String> before = checksums(db);

    NodeCli text = NodeCli.run(cli("dev", base, V101));
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.err()).isEmpty();
    assertThat(text.out())
        .contains("runtime before: basalt-demo/100")
        .contains("runtime after:  basalt-demo/101")
        .contains("upgraded to basalt-demo/101; template migration translated 0 value(s)")
        .contains("Template.:__STORAGE_VERSION__:: +1 ~0 -0")
        .contains("Template.Migrated [Initialization]")
        .contains("Result: PASSED");
    assertThat(text.out()).contains(":code set in #4").contains("upgrade block #5");

    NodeCli json = NodeCli.run(cli("dev", base, V101, "--output-type", "json", "--blocks", "2"));
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(json.out());
    assertThat(report.path("passed").asBoolean()).isTrue();
    assertThat(report.path("before").path("specVersion").asLong()).isEqualTo(100);
    assertThat(report.path("after").path("specVersion").asLong()).isEqualTo(101);
    assertThat(report.path("upgradeBlock").path("number").asLong()).isEqualTo(best.number() + 2);
    assertThat(report.path("blocksAfter").asInt()).isEqualTo(2);
    List<JsonNode> templateEvents = new ArrayList<>();
    report
        .path("events")
        .forEach(
            e -> {
              if (e.path("pallet").asText().equals("Template")) {
                templateEvents.add(e);
              }
            });
    assertThat(templateEvents).as(json.out()).hasSize(1);
    assertThat(templateEvents.getFirst().path("phase").asText()).isEqualTo("Initialization");
    // from 0 to 1, 0 values translated: u16 0, u16 1, u32 0
    assertThat(templateEvents.getFirst().path("data").asText()).isEqualTo("0x0000010000000000");
    boolean templateDiff = false;
    for (JsonNode g : report.path("storageDiff")) {
      if (g.path("item").asText().startsWith("Template.")) {
        templateDiff = true;
      }
    }
    assertThat(templateDiff).as("the migration's write shows in the diff: " + json.out()).isTrue();
    assertThat(report.path("proof").path("zstdBytes").asLong()).isPositive();
    assertThat(report.path("weight").path("refTime").asLong()).isPositive();
    assertThat(report.path("logs").toString()).contains("upgraded to basalt-demo/101");
    assertThat(report.path("tryRuntime").path("ran").asBoolean()).isFalse();

    byte[] v101 = Files.readAllBytes(V101);
    Path renamed = dir.resolve("renamed.wasm");
    Files.write(renamed, RuntimeVersionSection.rewrite(v101, "not-basalt-demo", 101));
    assertRefusedInOneLine(NodeCli.run(cli("dev", base, renamed)), "spec_name 'not-basalt-demo'");
    Path lower = dir.resolve("lower.wasm");
    Files.write(lower, RuntimeVersionSection.rewrite(v101, "basalt-demo", 99));
    assertRefusedInOneLine(NodeCli.run(cli("dev", base, lower)), "spec_version 99 is not higher");
    Path notWasm = dir.resolve("notes.txt");
    Files.writeString(notWasm, "this is not a runtime\n");
    assertRefusedInOneLine(NodeCli.run(cli("dev", base, notWasm)), "is not a runtime");

    NodeCli relaxed =
        NodeCli.run(cli("dev", base, lower, "--disable-spec-version-check", "--blocks", "0"));
    assertThat(relaxed.exitCode()).as(relaxed.err()).isZero();
    assertThat(relaxed.out()).contains("runtime after:  basalt-demo/99");

    assertThat(checksums(db)).as("nothing was written to the source database").isEqualTo(before);
    try (NodeService node = NodeService.start(configAt(base).build(), dev, Clock.systemUTC())) {
      assertThat(node.chain().best()).isEqualTo(best);
    }
  }

  @Test
  void badInputIsOneErrorLine(@TempDir Path dir) throws Exception {
    Path empty = dir.resolve("empty");
    NodeCli noDatabase = NodeCli.run(cli("dev", empty, V101));
    assertRefusedInOneLine(noDatabase, "no database of chain 'dev' under " + empty);
    assertThat(Files.exists(empty)).as("nothing is created for a missing database").isFalse();
    assertRefusedInOneLine(
        NodeCli.run(cli("dev", empty, dir.resolve("missing.wasm"))), "--wasm file not found");
    NodeCli badChecks = NodeCli.run(cli("dev", empty, V101, "--checks", "most"));
    assertThat(badChecks.exitCode()).isEqualTo(2);
    assertThat(badChecks.err()).contains("use none, pre-and-post, all or try-state");
    assertRefusedInOneLine(
        NodeCli.run(cli("dev", empty, V101, "--blocks", "-1")), "--blocks must be 0 or more");
  }

  @Test
  void nodeTemplateUpgradesToItsOwnCodeUnderAHigherSpecVersion(@TempDir Path dir) throws Exception {
    upgradesToItsOwnCode(Fixtures.file("chainspecs/node-template-local.json"), dir);
  }

  @Test
  void westendDevUpgradesToItsOwnCodeUnderAHigherSpecVersion(@TempDir Path dir) throws Exception {
    upgradesToItsOwnCode(Fixtures.file("chainspecs/westend-dev.json"), dir);
  }

  private static void upgradesToItsOwnCode(Path specFile, Path dir) throws Exception {
    ChainSpec spec = ChainSpecParser.parse(specFile);
    Path base = dir.resolve("node");
    Bytes code;
    try (NodeService node = NodeService.start(configAt(base).build(), spec, Clock.systemUTC())) {
      DevSealer sealer = node.sealer().orElseThrow();
      sealer.createBlock(true, false, Optional.empty()).join();
      sealer.createBlock(true, false, Optional.empty()).join();
      code =
          node.chain()
              .stateAt(node.chain().requireHeader(node.chain().best().hash()))
              .get(WellKnownKeys.CODE)
              .orElseThrow();
    }
    RuntimeVersion current = RuntimeBlob.parse(code).embeddedVersion().orElseThrow();
    long higher = current.specVersion() + 1;
    Path wasm = dir.resolve("next.wasm");
    Files.write(wasm, RuntimeVersionSection.rewrite(code.toArray(), current.specName(), higher));
    Path db = base.resolve("chains").resolve(spec.id()).resolve("db").resolve("full");
    Map<String, String> before = checksums(db);

    NodeCli run = NodeCli.run(cli(specFile.toString(), base, wasm, "--blocks", "10"));
    System.out.println(run.out());
    assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
    assertThat(run.out())
        .contains("runtime before: " + current.specName() + "/" + current.specVersion())
        .contains("runtime after:  " + current.specName() + "/" + higher)
        .contains("upgrade block #4")
        .contains("then 10 more block(s)")
        .contains("Result: PASSED");
    assertThat(checksums(db)).isEqualTo(before);
  }

  private static void assertRefusedInOneLine(NodeCli run, String expected) {
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).startsWith("Error: ").contains(expected);
  }

  private static Map<String, String> checksums(Path dir) throws IOException {
    Map<String, String> sums = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        sums.put(
            dir.relativize(f).toString(), Hashing.blake2b256Hash(Files.readAllBytes(f)).toHex());
      }
    }
    return sums;
  }
}
