/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.node.NodeCli;
import io.basalt.node.rpc.HttpRpcClient;
import io.basalt.node.rpc.RunningNode;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.PeerId;
import io.basalt.primitives.crypto.ed25519.Ed25519KeyPair;
import io.basalt.primitives.hash.Hashing;
import io.basalt.runtime.demo.chain.PolkadotJs;
import io.basalt.testsupport.Fixtures;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * smoldot 3.4.1, the light client, with a Basalt node as its only boot node ({@code
 * src/test/js/smoldot/follow-basalt.mjs}): node-template-local with {@code --alice} and Bob's keys
 * authors Aura blocks and finalizes them with GRANDPA; smoldot warp-syncs ({@code /sync/warp}),
 * follows the chain ({@code /sync/2}, block announces), reports finalized blocks and reads {@code
 * System.Account(Alice)} through a {@code /light/2} read proof, the value Basalt's own RPC gives.
 * Needs node and {@code npm ci --prefix node/src/test/js/smoldot}; skipped without them unless
 * {@code CI=true}.
 */
class SmoldotIT {
  private static final Path JS = Path.of("src/test/js/smoldot");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NODE_KEY = "00".repeat(31) + "07";
  private static final String ALICE =
      "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";

  @Test
  void smoldotFollowsABasaltNodeAndReadsAliceThroughItsProofs(@TempDir Path dir) throws Exception {
    PolkadotJs.requireInstalled(JS);
    Path spec = Fixtures.file("chainspecs/node-template-local.json").toAbsolutePath();
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
    int port = freePort();
    PeerId peer = PeerId.ofEd25519(Ed25519KeyPair.fromSeed(Hex.decode(NODE_KEY)).publicKey());
    String bootnode = "/ip4/127.0.0.1/tcp/" + port + "/p2p/" + peer.toBase58();
    String key = "0x" + systemAccountKey(Hex.decode(ALICE));
    try (RunningNode node =
        RunningNode.start(
            dir,
            "--chain",
            spec.toString(),
            "--alice",
            "--listen-addr",
            "/ip4/127.0.0.1/tcp/" + port,
            "--node-key",
            NODE_KEY)) {
      Map<String, JsonNode> steps;
      try {
        steps = run(List.of(spec.toString(), bootnode, key, "2"));
      } catch (AssertionError e) {
        List<String> log = Files.readAllLines(node.log());
        throw new AssertionError(
            e.getMessage()
                + "\nthe node's log ends with:\n"
                + String.join("\n", log.subList(Math.max(0, log.size() - 60), log.size())),
            e);
      }
      JsonNode finalized = steps.get("finalized");
      assertThat(finalized).as("smoldot reported a finalized block").isNotNull();
      assertThat(finalized.get("number").asLong()).isGreaterThanOrEqualTo(2);
      String hash = finalized.get("hash").asText();
      HttpRpcClient rpc = new HttpRpcClient(node.port());
      assertThat(rpc.result("chain_getBlockHash", finalized.get("number").asLong()).asText())
          .as("smoldot's finalized block is Basalt's")
          .isEqualTo(hash);
      JsonNode expected = rpc.result("state_getStorage", key, hash);
      assertThat(expected.isNull()).as("Alice has an account").isFalse();
      assertThat(steps.get("storage").get("value").asText())
          .as("System.Account(Alice) read by smoldot through Basalt's proof")
          .isEqualTo(expected.asText());
    }
  }

  private static Map<String, JsonNode> run(List<String> args) throws Exception {
    Map<String, JsonNode> steps = new HashMap<>();
    for (String line : PolkadotJs.run(JS, "follow-basalt.mjs", args, Duration.ofMinutes(5))) {
      int space = line.indexOf(' ');
      String rest = space > 0 ? line.substring(space + 1) : "";
      if (rest.startsWith("{")) {
        steps.put(line.substring(0, space), JSON.readTree(rest));
      }
    }
    return steps;
  }

  /** twox128("System") ‖ twox128("Account") ‖ blake2_128(who) ‖ who. */
  private static String systemAccountKey(byte[] who) {
    ByteArrayOutputStream key = new ByteArrayOutputStream();
    key.writeBytes(Hashing.twox128("System".getBytes(StandardCharsets.US_ASCII)));
    key.writeBytes(Hashing.twox128("Account".getBytes(StandardCharsets.US_ASCII)));
    key.writeBytes(Hashing.blake2b128(who));
    key.writeBytes(who);
    return Hex.encodeBare(key.toByteArray());
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
