/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.fork;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.node.Chopsticks;
import io.basalt.node.rpc.HttpRpcClient;
import io.basalt.node.rpc.RunningNode;
import io.basalt.testsupport.Fixtures;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Basalt forks Chopsticks 1.5.1 serving the node-template fixture chain (Aura + GRANDPA) after
 * Chopsticks built blocks of its own, and authors Aura blocks on top with Alice's key: each carries
 * an Aura pre-digest and seal, and imports through the Aura verifier.
 */
class ChopsticksForkIT {
  private static final String AURA_PRE_DIGEST = "0x0661757261";
  private static final String AURA_SEAL = "0x0561757261";

  @Test
  void basaltBuildsAuraBlocksOnAForkOfChopsticks(@TempDir Path dir) throws Exception {
    Path spec = Fixtures.file("chainspecs/node-template-local.json").toAbsolutePath();
    try (Chopsticks chopsticks = Chopsticks.start(dir, "--genesis", spec.toString());
        RemoteNode client = new RemoteNode(URI.create(chopsticks.url()))) {
      client.call("dev_newBlock", Map.of("count", 2));
      String forkHash = client.call("chain_getBlockHash", 2).asText();
      String code = client.call("state_getStorage", "0x3a636f6465", forkHash).asText();

      Path forkDir = Files.createDirectories(dir.resolve("fork"));
      try (RunningNode fork =
          RunningNode.start(
              forkDir,
              "--chain",
              spec.toString(),
              "--fork-url",
              chopsticks.url(),
              "--fork-block",
              forkHash,
              "--alice",
              "--consensus",
              "manual")) {
        HttpRpcClient rpc = new HttpRpcClient(fork.port());
        assertThat(rpc.result("chain_getBlockHash", 2).asText()).isEqualTo(forkHash);
        rpc.createBlocks(3);
        for (long n = 3; n <= 5; n++) {
          JsonNode header = rpc.result("chain_getHeader", rpc.result("chain_getBlockHash", n));
          assertThat(header.get("digest").get("logs").toString())
              .as("block #%d's digest", n)
              .contains(AURA_PRE_DIGEST.substring(2))
              .contains(AURA_SEAL.substring(2));
        }
        assertThat(rpc.result("state_getStorage", "0x3a636f6465", forkHash).asText())
            .isEqualTo(code);
        assertThat(Files.readString(fork.log())).contains("Forked at block #2");
      }
    }
  }
}
