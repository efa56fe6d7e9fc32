/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.node.Chopsticks;
import io.basalt.node.NodeCli;
import io.basalt.node.fork.RemoteNode;
import io.basalt.runtime.demo.chain.PolkadotJs;
import io.basalt.testsupport.Fixtures;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13's polkadot.js acceptance: {@code node --dev --consensus manual-seal-500} as a child JVM
 * driven by @polkadot/api 16.5.6 ({@code src/test/js/polkadot-js/dev-chain.mjs}: metadata,
 * System.Account, new and finalized heads, fees, a transfer to finality), and the node-template and
 * westend-dev fixture chains in import-only mode ({@code import-only.mjs}: metadata and storage
 * through the decoded metadata). Needs node and {@code npm ci --prefix
 * node/src/test/js/polkadot-js}; skipped without them unless {@code CI=true}.
 */
class PolkadotJsIT {
  private static final Path JS = Path.of("src/test/js/polkadot-js");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The script's {@code <step> <JSON>} lines by step. */
  private static Map<String, JsonNode> run(String script, String url, Duration timeout)
      throws IOException {
    Map<String, JsonNode> steps = new HashMap<>();
    for (String line : PolkadotJs.run(JS, script, List.of(url), timeout)) {
      int space = line.indexOf(' ');
      String rest = space > 0 ? line.substring(space + 1) : "";
      if (rest.startsWith("{") || rest.startsWith("[")) {
        steps.put(line.substring(0, space), JSON.readTree(rest));
      }
    }
    return steps;
  }

  /**
   * {@link #run(String, String, Duration)} on a node; a failure shows the node's last log lines.
   */
  private static Map<String, JsonNode> run(String script, RunningNode node, Duration timeout)
      throws IOException {
    try {
      return run(script, node.url(), timeout);
    } catch (AssertionError e) {
      List<String> log = Files.readAllLines(node.log());
      throw new AssertionError(
          e.getMessage()
              + "\nthe node's log ends with:\n"
              + String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size())),
          e);
    }
  }

  @Test
  void polkadotJsUsesTheDevChainFromMetadataToAFinalizedTransfer(@TempDir Path dir)
      throws Exception {
    try (RunningNode node = RunningNode.start(dir, "--dev", "--consensus", "manual-seal-500")) {
      Map<String, JsonNode> steps = run("dev-chain.mjs", node.url(), Duration.ofMinutes(5));

      JsonNode metadata = steps.get("metadata");
      assertThat(metadata.get("specName").asText()).isEqualTo("basalt-demo");
      assertThat(metadata.get("chain").asText()).isEqualTo("Development");
      assertThat(texts(metadata.get("pallets")))
          .contains("System", "Balances", "TransactionPayment");
      BigInteger before = new BigInteger(steps.get("alice").get("free").asText());
      assertThat(before).isPositive();
      assertAdvancing(steps.get("newHeads"));
      assertAdvancing(steps.get("finalizedHeads"));

      BigInteger fee = new BigInteger(steps.get("paymentInfo").get("partialFee").asText());
      assertThat(fee).isPositive();
      assertThat(steps.get("queryInfo").get("partialFee").asText())
          .as("payment_queryInfo quotes what the runtime API quoted")
          .isEqualTo(fee.toString());
      assertThat(steps.get("queryInfo").get("class").asText()).isEqualTo("Normal");
      JsonNode sent = steps.get("signAndSend");
      assertThat(texts(sent.get("statuses"))).startsWith("Ready").endsWith("Finalized");
      assertThat(sent.get("success").asBoolean()).isTrue();
      assertThat(sent.get("feePaid").asText())
          .as("the fee paymentInfo quoted is the fee the runtime charged")
          .isEqualTo(fee.toString());
      JsonNode watched = steps.get("watch");
      assertThat(texts(watched.get("statuses"))).containsExactly("Ready", "InBlock", "Finalized");
      assertThat(watched.get("inBlock")).isEqualTo(watched.get("finalized"));
      assertThat(watched.get("success").asBoolean()).isTrue();

      BigInteger after = new BigInteger(steps.get("after").get("free").asText());
      BigInteger unit = BigInteger.TEN.pow(12);
      assertThat(before.subtract(after)).isEqualTo(unit.add(fee).multiply(BigInteger.TWO));
      assertThat(steps.get("after").get("nonce").asInt())
          .isEqualTo(steps.get("alice").get("nonce").asInt() + 2);
    }
  }

  private static void assertAdvancing(JsonNode numbers) {
    assertThat(numbers).hasSize(3);
    for (int i = 1; i < 3; i++) {
      assertThat(numbers.get(i).asLong()).isEqualTo(numbers.get(i - 1).asLong() + 1);
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /**
   * Issue 14's acceptance: node-template-local with {@code --alice} and Bob's Aura and GRANDPA keys
   * in its keystore authors Aura blocks on the clock and finalizes them with GRANDPA (the local
   * keys hold every vote); polkadot.js sees a transfer Alice → Bob finalized.
   */
  @Test
  void polkadotJsSeesATransferFinalizedOnAnAuraAndGrandpaChain(@TempDir Path dir) throws Exception {
    Path spec = Fixtures.file("chainspecs/node-template-local.json");
    for (String[] key : new String[][] {{"aura", "sr25519"}, {"gran", "ed25519"}}) {
      NodeCli insert =
          NodeCli.run(
              "key",
              "insert",
              "--chain",
              spec.toString(),
              "-d",
              dir.resolve("base").toString(),
              "--suri",
              "//Bob",
              "--key-type",
              key[0],
              "--scheme",
              key[1]);
      assertThat(insert.exitCode()).as(insert.err()).isZero();
    }
    assertTransferFinalizedWithAlice(spec, "node-template", dir);
  }

  /**
   * Issue 14's acceptance: the BABE relay chains westend-dev and rococo-dev with {@code --alice}
   * (their only BABE and GRANDPA authority) author on the clock and finalize; polkadot.js sees a
   * transfer Alice → Bob finalized.
   */
  @ParameterizedTest
  @ValueSource(strings = {"westend-dev", "rococo-dev"})
  void polkadotJsSeesATransferFinalizedOnABabeRelayChain(String chain, @TempDir Path dir)
      throws Exception {
    Path spec = Fixtures.file("chainspecs/" + chain + ".json");
    assertTransferFinalizedWithAlice(spec, chain.substring(0, chain.indexOf('-')), dir);
  }

  /**
   * Runs {@code node --chain SPEC --alice} and {@code real-chain-transfer.mjs} against it: the
   * finalized head advances and a transfer Alice → Bob is finalized with Bob's balance up by its
   * amount.
   */
  private static void assertTransferFinalizedWithAlice(Path spec, String specName, Path dir)
      throws Exception {
    try (RunningNode node = RunningNode.start(dir, "--chain", spec.toString(), "--alice")) {
      Map<String, JsonNode> steps = run("real-chain-transfer.mjs", node, Duration.ofMinutes(6));
      assertThat(steps.get("runtime").get("specName").asText()).isEqualTo(specName);
      assertThat(steps.get("finalizedAdvanced").get("number").asLong()).isPositive();
      JsonNode sent = steps.get("transfer");
      assertThat(texts(sent.get("statuses"))).startsWith("Ready").endsWith("Finalized");
      assertThat(sent.get("success").asBoolean()).isTrue();
      assertThat(
              new BigInteger(sent.get("bobAfter").asText())
                  .subtract(new BigInteger(sent.get("bobBefore").asText())))
          .isEqualTo(BigInteger.valueOf(1_000_000_000L));
    }
  }

  /**
   * A Basalt fork of Chopsticks serving node-template (blocks every second, Aura with Alice's key):
   * polkadot.js signs with the genesis hash the fork reports (Chopsticks' made-up one, which the
   * runtime's {@code System.BlockHash(0)} holds too) and sees a transfer finalized.
   */
  @Test
  void polkadotJsSeesATransferFinalizedOnAForkOfChopsticks(@TempDir Path dir) throws Exception {
    PolkadotJs.requireInstalled(JS);
    Path spec = Fixtures.file("chainspecs/node-template-local.json").toAbsolutePath();
    try (Chopsticks chopsticks = Chopsticks.start(dir, "--genesis", spec.toString());
        RemoteNode client = new RemoteNode(URI.create(chopsticks.url()))) {
      client.call("dev_newBlock", Map.of("count", 1));
      assertTransferFinalizedOnFork(spec, chopsticks, dir);
    }
  }

  private static void assertTransferFinalizedOnFork(Path spec, Chopsticks chopsticks, Path dir)
      throws Exception {
    try (RunningNode fork =
        RunningNode.start(
            Files.createDirectories(dir.resolve("fork")),
            "--chain",
            spec.toString(),
            "--fork-url",
            chopsticks.url(),
            "--alice",
            "--consensus",
            "manual-seal-1000")) {
      Map<String, JsonNode> steps = run("real-chain-transfer.mjs", fork, Duration.ofMinutes(4));
      assertThat(steps.get("runtime").get("specName").asText()).isEqualTo("node-template");
      JsonNode sent = steps.get("transfer");
      assertThat(texts(sent.get("statuses"))).startsWith("Ready").endsWith("Finalized");
      assertThat(sent.get("success").asBoolean()).isTrue();
      assertThat(
              new BigInteger(sent.get("bobAfter").asText())
                  .subtract(new BigInteger(sent.get("bobBefore").asText())))
          .isEqualTo(BigInteger.valueOf(1_000_000_000L));
    }
  }

  @Test
  void polkadotJsReadsTheNodeTemplateFixtureChain(@TempDir Path dir) throws Exception {
    Path spec = Fixtures.file("chainspecs/node-template-local.json");
    String metadataHex =
        Files.readString(Fixtures.file("chainspecs/node-template-local.metadata.hex")).strip();
    try (RunningNode node =
        RunningNode.start(dir, "--chain", spec.toString(), "--consensus", "none")) {
      assertThat(
              NodeSystemRpcIT.call(node.address(), "state_getMetadata", "[]")
                  .get("result")
                  .asText())
          .as("smoldot's recorded state_getMetadata answer for this chain")
          .isEqualToIgnoringCase(metadataHex.startsWith("0x") ? metadataHex : "0x" + metadataHex);
      Map<String, JsonNode> steps = run("import-only.mjs", node.url(), Duration.ofMinutes(5));
      assertThat(steps.get("metadata").get("genesisHash").asText())
          .isEqualTo("0x6bf30d04495c16ef053de4ac74eac35dfd6473e4907810f450bea1b976ac518f");
      assertThat(steps.get("metadata").get("specName").asText()).isEqualTo("node-template");
      assertAliceIsSudo(steps.get("storage"));
      assertHeadsAreGenesis(steps);
    }
  }

  @Test
  void polkadotJsReadsTheWestendDevFixtureChain(@TempDir Path dir) throws Exception {
    Path spec = Fixtures.file("chainspecs/westend-dev.json");
    try (RunningNode node =
        RunningNode.start(dir, "--chain", spec.toString(), "--consensus", "none")) {
      Map<String, JsonNode> steps = run("import-only.mjs", node.url(), Duration.ofMinutes(5));
      assertThat(steps.get("metadata").get("specName").asText()).isEqualTo("westend");
      assertThat(texts(steps.get("metadata").get("pallets"))).contains("Babe", "Staking", "Sudo");
      assertAliceIsSudo(steps.get("storage"));
      assertHeadsAreGenesis(steps);
    }
  }

  private static void assertHeadsAreGenesis(Map<String, JsonNode> steps) {
    String genesis = steps.get("metadata").get("genesisHash").asText();
    for (String head : List.of("best", "finalized")) {
      assertThat(steps.get("heads").get(head).get("number").asLong()).as(head).isZero();
      assertThat(steps.get("heads").get(head).get("hash").asText()).as(head).isEqualTo(genesis);
    }
  }

  private static void assertAliceIsSudo(JsonNode storage) {
    assertThat(storage.get("number").asLong()).isZero();
    assertThat(storage.get("sudo").asText())
        .isEqualTo("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
    assertThat(new BigInteger(storage.get("sudoFree").asText())).isPositive();
    assertThat(new BigInteger(storage.get("totalIssuance").asText()))
        .isGreaterThanOrEqualTo(new BigInteger(storage.get("sudoFree").asText()));
  }
}
