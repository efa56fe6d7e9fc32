/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.fork;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.node.rpc.HttpRpcClient;
import io.basalt.node.rpc.RunningNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Basalt node forks another one over JSON-RPC ({@code --fork-url}): it starts at the source's
 * block N with the same hash, reads the same state there, builds blocks of its own on top, and
 * after a restart with the source gone still has everything it read before.
 */
class ForkIT {
  private static final String CHAIN = "chain-specs/dev.json";

  @Test
  void aForkAgreesWithItsSourceUpToTheForkBlockAndKeepsWhatItFetched(@TempDir Path dir)
      throws Exception {
    Path chain = Path.of("..").resolve(CHAIN).toAbsolutePath();
    Path sourceDir = Files.createDirectories(dir.resolve("source"));
    Path forkDir = Files.createDirectories(dir.resolve("fork"));
    long forkNumber;
    String forkHash;
    Map<String, String> sourcePairs;
    try (RunningNode source =
        RunningNode.start(sourceDir, "--chain", chain.toString(), "--consensus", "manual")) {
      HttpRpcClient rpc = new HttpRpcClient(source.port());
      rpc.createBlocks(3);
      JsonNode header = rpc.result("chain_getHeader");
      forkNumber = Long.decode(header.get("number").asText());
      forkHash = rpc.result("chain_getBlockHash", forkNumber).asText();
      sourcePairs = pairs(rpc, forkHash);
      assertThat(sourcePairs).containsKey(hexOf(":code"));

      try (RunningNode fork =
          RunningNode.start(
              forkDir,
              "--chain",
              chain.toString(),
              "--consensus",
              "manual",
              "--fork-url",
              source.url(),
              "--fork-block",
              Long.toString(forkNumber))) {
        HttpRpcClient forked = new HttpRpcClient(fork.port());
        assertThat(forked.result("chain_getBlockHash", forkNumber).asText()).isEqualTo(forkHash);
        assertThat(forked.result("chain_getBlockHash", 0).asText())
            .isEqualTo(rpc.result("chain_getBlockHash", 0).asText());
        forked.createBlocks(10);
        assertThat(Long.decode(forked.result("chain_getHeader").get("number").asText()))
            .isEqualTo(forkNumber + 10);
        assertThat(pairs(forked, forkHash)).isEqualTo(sourcePairs);
        assertThat(forked.result("state_getRuntimeVersion").get("specName").asText())
            .isEqualTo(rpc.result("state_getRuntimeVersion").get("specName").asText());
        String log = Files.readString(fork.log());
        assertThat(log).contains("Forked at block #" + forkNumber + " (" + forkHash + ") of ws://");
        assertThat(log).as("fetched through storage proofs").doesNotContain("the whole state");
      }
    }

    // The source is gone: whatever the fork needs now must already be in its database.
    Path restartLog;
    try (RunningNode fork =
        RunningNode.start(
            forkDir,
            "--chain",
            chain.toString(),
            "--consensus",
            "manual",
            "--fork-url",
            "ws://127.0.0.1:1")) {
      HttpRpcClient forked = new HttpRpcClient(fork.port());
      assertThat(pairs(forked, forkHash)).isEqualTo(sourcePairs);
      forked.createBlocks(1);
      assertThat(Long.decode(forked.result("chain_getHeader").get("number").asText()))
          .isEqualTo(forkNumber + 11);
      assertThat(Files.readString(fork.log())).contains("Forked at block #" + forkNumber);
      restartLog = fork.log();
    }
    assertThat(Files.readString(restartLog))
        .contains("0 requests to the fork source ws://127.0.0.1:1 in this run");
  }

  private static String hexOf(String ascii) {
    StringBuilder hex = new StringBuilder("0x");
    for (byte b : ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII)) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }

  private static Map<String, String> pairs(HttpRpcClient rpc, String at) throws Exception {
    Map<String, String> pairs = new TreeMap<>();
    for (JsonNode pair : rpc.result("state_getPairs", "0x", at)) {
      pairs.put(pair.get(0).asText(), pair.get(1).asText());
    }
    return pairs;
  }
}
