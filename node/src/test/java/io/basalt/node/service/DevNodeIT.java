/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import static io.basalt.node.NodeProcess.awaitLine;
import static io.basalt.node.NodeProcess.read;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.chainspec.ChainSpec;
import io.basalt.executor.api.OffchainStorage;
import io.basalt.node.NodeProcess;
import io.basalt.node.authoring.Consensus;
import io.basalt.node.authoring.CreatedBlock;
import io.basalt.node.authoring.DevSealer;
import io.basalt.node.authoring.SealingException;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.config.PrometheusConfig;
import io.basalt.node.offchain.OffchainWorkerPolicy;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.runtime.demo.chain.SteppingClock;
import io.basalt.storage.block.BlockRef;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dev chain as users run it: blocks made on request and on a timer, kept across restarts. */
class DevNodeIT {
  private static NodeConfig config(Path base, Consensus consensus) {
    return config(base, consensus, OffchainWorkerPolicy.WHEN_AUTHORITY);
  }

  private static NodeConfig config(Path base, Consensus consensus, OffchainWorkerPolicy workers) {
    return DevConfigs.at(base)
        .name("dev-node-it")
        .consensus(consensus)
        .offchainWorkers(workers)
        .build();
  }

  private static final Bytes OCW_KEY = Bytes.wrap("basalt-demo/ocw".getBytes(US_ASCII));

  @Test
  void offchainWorkersRunAfterEachNewBestBlockOnAnAuthorityUnlessTurnedOff(@TempDir Path dir)
      throws InterruptedException {
    ChainSpec spec = ChainSpecs.load("dev");
    try (NodeService node =
        NodeService.start(
            config(dir.resolve("a"), new Consensus.Manual()), spec, new SteppingClock())) {
      CreatedBlock b1 =
          node.sealer().orElseThrow().createBlock(true, false, Optional.empty()).join();
      OffchainStorage storage = node.database().offchainStorage();
      Instant deadline = Instant.now().plusSeconds(60);
      while (storage.get(OffchainStorage.Kind.PERSISTENT, OCW_KEY).isEmpty()
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(20);
      }
      // §11 of the runtime spec: u32le(number) ‖ blake2_256(header) ‖ Option(index entry).
      Bytes written = storage.get(OffchainStorage.Kind.PERSISTENT, OCW_KEY).orElseThrow();
      assertThat(written.slice(0, 4)).isEqualTo(Bytes.fromHex("0x01000000"));
      assertThat(written.slice(4, 36)).isEqualTo(b1.hash().toBytes());
    }
    try (NodeService node =
        NodeService.start(
            config(dir.resolve("b"), new Consensus.Manual(), OffchainWorkerPolicy.NEVER),
            spec,
            new SteppingClock())) {
      node.sealer().orElseThrow().createBlock(true, false, Optional.empty()).join();
      Thread.sleep(500);
      assertThat(node.database().offchainStorage().get(OffchainStorage.Kind.PERSISTENT, OCW_KEY))
          .isEmpty();
    }
  }

  @Test
  void blocksMadeOnRequestAreImportedFinalizedAndKeptAcrossARestart(@TempDir Path dir) {
    ChainSpec spec = ChainSpecs.load("dev");
    Clock clock = new SteppingClock();
    Hash256 second;
    try (NodeService node = NodeService.start(config(dir, new Consensus.Manual()), spec, clock)) {
      DevSealer sealer = node.sealer().orElseThrow();
      CreatedBlock first = sealer.createBlock(true, false, Optional.empty()).join();
      assertThat(first.number()).isEqualTo(1);
      assertThat(first.isNewBest()).isTrue();
      assertThat(node.chain().best()).isEqualTo(new BlockRef(first.hash(), 1));
      assertThat(node.chain().finalized().number()).isZero();
      CreatedBlock created = sealer.createBlock(true, true, Optional.empty()).join();
      second = created.hash();
      assertThat(node.chain().finalized()).isEqualTo(new BlockRef(second, 2));
      // An empty pool with createEmpty=false is refused, as manual seal does.
      assertThatThrownBy(() -> sealer.createBlock(false, false, Optional.empty()).join())
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(SealingException.class)
          .hasMessageContaining("Transaction pool is empty");
      // A fork on block #1: lower than the best chain, so the best block stays.
      CreatedBlock fork = sealer.createBlock(true, false, Optional.of(first.hash())).join();
      assertThat(fork.number()).isEqualTo(2);
      assertThat(fork.isNewBest()).isFalse();
    }
    try (NodeService node = NodeService.start(config(dir, new Consensus.Manual()), spec, clock)) {
      assertThat(node.chain().best()).isEqualTo(new BlockRef(second, 2));
      assertThat(node.chain().finalized()).isEqualTo(new BlockRef(second, 2));
      CreatedBlock third =
          node.sealer().orElseThrow().createBlock(true, true, Optional.empty()).join();
      assertThat(node.chain().requireHeader(third.hash()).parentHash()).isEqualTo(second);
    }
  }

  @Test
  void metricsShowTheBlockHeightAndWhichExecutorRan(@TempDir Path dir) throws Exception {
    NodeConfig base = config(dir, new Consensus.Manual());
    NodeConfig config =
        new NodeConfig(
            base.chain(),
            base.basePath(),
            base.nodeName(),
            base.validator(),
            base.imports(),
            base.keystore(),
            base.consensus(),
            base.offchainWorkers(),
            PrometheusConfig.listening(0, false),
            base.pool(),
            Optional.empty(),
            List.of());
    try (NodeService node =
        NodeService.start(config, ChainSpecs.load("dev"), new SteppingClock())) {
      node.sealer().orElseThrow().createBlock(true, true, Optional.empty()).join();
      node.sealer().orElseThrow().createBlock(true, false, Optional.empty()).join();
      String metrics = scrape(node.prometheusAddress().orElseThrow().getPort());
      assertThat(metrics)
          .contains("substrate_block_height{chain=\"dev\",status=\"best\"} 2\n")
          .contains("substrate_block_height{chain=\"dev\",status=\"finalized\"} 1\n")
          .contains("substrate_number_leaves{chain=\"dev\"} 1\n")
          .contains("substrate_node_roles{chain=\"dev\"} 4\n")
          // Block construction defaults to Wasm on every node.
          .containsPattern(
              "basalt_runtime_calls_total\\{chain=\"dev\",context=\"block_construction\","
                  + "executor=\"wasm\"} [1-9]")
          .contains(
              "basalt_runtime_calls_total{chain=\"dev\",context=\"block_construction\","
                  + "executor=\"native\"} 0\n");
    }
  }

  static String scrape(int port) throws java.io.IOException, InterruptedException {
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  @Test
  void manualSealMakesBlocksOnItsTimer(@TempDir Path dir) throws InterruptedException {
    try (NodeService node =
        NodeService.start(
            config(dir, new Consensus.ManualSeal(Duration.ofMillis(200))),
            ChainSpecs.load("dev"),
            Clock.systemUTC())) {
      Instant deadline = Instant.now().plusSeconds(60);
      while (node.chain().finalized().number() < 3 && Instant.now().isBefore(deadline)) {
        Thread.sleep(50);
      }
      assertThat(node.chain().finalized().number()).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void theDevCommandMakesABlockEveryThreeSecondsAndContinuesAfterARestart(@TempDir Path dir)
      throws Exception {
    Path base = dir.resolve("base");
    Path log = dir.resolve("first.log");
    Process node =
        NodeProcess.start(
            log, "--dev", "-d", base.toString(), "--prometheus-port", "0", "--rpc-port", "0");
    awaitLine(node, log, "✨ Imported #1 ", Duration.ofSeconds(60));
    Matcher port =
        Pattern.compile("Prometheus exporter started at 127.0.0.1:(\\d+)").matcher(read(log));
    assertThat(port.find()).as(read(log)).isTrue();
    long before = bestHeight(scrape(Integer.parseInt(port.group(1))));
    awaitLine(node, log, "✨ Imported #" + (before + 1) + " ", Duration.ofSeconds(60));
    assertThat(bestHeight(scrape(Integer.parseInt(port.group(1))))).isGreaterThan(before);
    node.destroy(); // SIGTERM
    assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String first = read(log);
    assertThat(node.exitValue()).as(first).isZero();
    assertThat(first).contains("🧱 Block production: manual-seal-3000").contains("Shutting down");
    long reached = highestImported(first);

    Path again = dir.resolve("second.log");
    node =
        NodeProcess.start(
            again, "--dev", "-d", base.toString(), "--prometheus-port", "0", "--rpc-port", "0");
    awaitLine(node, again, "✨ Imported #" + (reached + 1) + " ", Duration.ofSeconds(60));
    node.destroy();
    assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String second = read(again);
    assertThat(node.exitValue()).as(second).isZero();
    assertThat(second)
        .contains("📦 Highest known block at #" + reached + " ")
        .doesNotContain("Initializing Genesis");
  }

  private static long bestHeight(String metrics) {
    Matcher m =
        Pattern.compile("substrate_block_height\\{chain=\"dev\",status=\"best\"} (\\d+)")
            .matcher(metrics);
    assertThat(m.find()).as(metrics).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static long highestImported(String log) {
    Matcher m = Pattern.compile("✨ Imported #(\\d+) ").matcher(log);
    long highest = 0;
    while (m.find()) {
      highest = Math.max(highest, Long.parseLong(m.group(1)));
    }
    return highest;
  }
}
