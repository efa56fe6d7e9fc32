/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.node.NodeCli;
import io.basalt.node.NodeProcess;
import io.basalt.node.importer.FixtureBlocks;
import io.basalt.node.importer.TestCaches;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.testsupport.Fixtures;
import io.basalt.testsupport.RandomCases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at random moments of {@code import-blocks} and of genesis creation, then a
 * recovery check: the database opens, the import resumes to the same best hash and a byte-identical
 * export, genesis is the spec's. 20 trials by default; {@code -Dbasalt.killTrials=100} is the long
 * run ({@code node/README.md}). The moments come from {@link RandomCases#seed()}.
 */
class KillNineIT {
  private static final int TRIALS = Integer.getInteger("basalt.killTrials", 20);
  private static final int BLOCKS = 64;
  private static final String KUSAMA_GENESIS =
      "0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe";
  private static final String GENESIS_DONE = "🔨 Initializing Genesis block/state";
  private static final Duration START = Duration.ofSeconds(60);

  @Test
  void killNineAtRandomMomentsOfImportAndGenesisAlwaysRecovers(@TempDir Path dir) throws Exception {
    String westend = Fixtures.file("chainspecs/westend.json").toString();
    String kusama = Fixtures.file("chainspecs/kusama.json").toString();
    List<SignedBlock> blocks = FixtureBlocks.westend().subList(0, BLOCKS);
    byte[] exported = FixtureBlocks.binaryExport(blocks);
    Path file = Files.write(dir.resolve("blocks.bin"), exported);
    String lastHash = blocks.getLast().block().hash().toHex();

    SplittableRandom random = new SplittableRandom(RandomCases.seed());
    int genesisTrials = 0;
    int killedBeforeGenesisDone = 0;
    int importTrials = 0;
    int killedMidImport = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      Path base = dir.resolve("base-" + trial);
      Path log = dir.resolve("log-" + trial);
      boolean genesis = random.nextInt(3) == 0;
      String what = (genesis ? "genesis" : "import") + " trial " + trial;
      Process node;
      if (genesis) {
        genesisTrials++;
        node = NodeProcess.start(log, "--chain", kusama, "-d", base.toString());
        // Kusama's genesis is built and committed within about half a second of this line.
        NodeProcess.awaitLine(node, log, "👤 Role: FULL", START);
        Thread.sleep(random.nextInt(400));
      } else {
        importTrials++;
        node =
            NodeProcess.start(
                log,
                "import-blocks",
                "--chain",
                westend,
                "-d",
                base.toString(),
                "--wasm-execution",
                "interpreted-i-know-what-i-do",
                "--binary",
                file.toString());
        if (random.nextBoolean()) {
          NodeProcess.awaitLine(node, log, "✨ Imported #1 ", START);
          Thread.sleep(random.nextInt(1200));
        } else {
          Thread.sleep(random.nextInt(2500));
        }
      }
      node.destroyForcibly(); // SIGKILL: no hook, no cleanup
      assertThat(node.waitFor(30, TimeUnit.SECONDS)).as(what).isTrue();
      String output = NodeProcess.read(log);

      if (genesis) {
        if (!output.contains(GENESIS_DONE)) {
          killedBeforeGenesisDone++;
        }
        JsonNode info = chainInfo(kusama, base, what);
        assertThat(info.get("genesis_hash").asText()).as(what).isEqualTo(KUSAMA_GENESIS);
        continue;
      }
      if (Files.exists(base.resolve("chains"))) {
        long best = chainInfo(westend, base, what).get("best_number").asLong();
        if (best > 0 && best < BLOCKS) {
          killedMidImport++;
        }
      }
      NodeCli resumed =
          NodeCli.run(
              "import-blocks",
              "--chain",
              westend,
              "-d",
              base.toString(),
              "--wasm-cache-dir",
              TestCaches.wasmCache().toString(),
              "--binary",
              file.toString());
      assertThat(resumed.exitCode()).as("%s: %s\n%s", what, resumed.err(), output).isZero();
      assertThat(chainInfo(westend, base, what).get("best_hash").asText())
          .as(what)
          .isEqualTo(lastHash);
      Path export = dir.resolve("export-" + trial);
      NodeCli exportRun =
          NodeCli.run(
              "export-blocks",
              "--chain",
              westend,
              "-d",
              base.toString(),
              "--binary",
              export.toString());
      assertThat(exportRun.exitCode()).as(exportRun.err()).isZero();
      assertThat(Files.readAllBytes(export)).as(what).isEqualTo(exported);
    }
    System.out.printf(
        "kill -9: %d trials, all recovered: %d during genesis (%d before it was committed), %d"
            + " during import-blocks (%d in the middle of the blocks)%n",
        TRIALS, genesisTrials, killedBeforeGenesisDone, importTrials, killedMidImport);
    if (TRIALS >= 10) {
      assertThat(killedMidImport)
          .as("kills that landed between blocks #1 and #%d", BLOCKS)
          .isPositive();
      assertThat(killedBeforeGenesisDone).as("kills before genesis was committed").isPositive();
    }
  }

  private static JsonNode chainInfo(String spec, Path base, String what) throws Exception {
    NodeCli info = NodeCli.run("chain-info", "--chain", spec, "-d", base.toString());
    assertThat(info.exitCode()).as("%s: %s", what, info.err()).isZero();
    return new ObjectMapper().readTree(info.out());
  }
}
