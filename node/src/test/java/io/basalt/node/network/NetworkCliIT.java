/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.node.rpc.HttpRpcClient;
import io.basalt.node.rpc.RunningNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network flags as a user types them: two node processes on loopback, the second given the
 * first as {@code --bootnodes}; it syncs, and both answer {@code system_*} about each other.
 */
class NetworkCliIT {
  private static final String ALICE_PEER = "12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp";

  @Test
  void aSecondNodeFindsTheFirstThroughBootnodesAndSyncs(@TempDir Path a, @TempDir Path b)
      throws Exception {
    try (RunningNode alice =
        RunningNode.start(
            a,
            "--dev",
            "--consensus",
            "manual",
            "--listen-addr",
            "/ip4/127.0.0.1/tcp/0",
            "--node-key",
            "0".repeat(63) + "1")) {
      HttpRpcClient aliceRpc = new HttpRpcClient(alice.port());
      assertThat(aliceRpc.result("system_localPeerId").asText()).isEqualTo(ALICE_PEER);
      assertThat(Files.readString(alice.log())).contains("Local node identity is: " + ALICE_PEER);
      JsonNode listen = aliceRpc.result("system_localListenAddresses");
      assertThat(listen).hasSize(1);
      String aliceAddress = listen.get(0).asText();
      assertThat(aliceAddress).startsWith("/ip4/127.0.0.1/tcp/").endsWith("/p2p/" + ALICE_PEER);
      String best = aliceRpc.createBlocks(5);

      try (RunningNode follower =
          RunningNode.start(
              b,
              "--chain",
              "dev",
              "--listen-addr",
              "/ip4/127.0.0.1/tcp/0",
              "--bootnodes",
              aliceAddress)) {
        HttpRpcClient followerRpc = new HttpRpcClient(follower.port());
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!followerRpc.result("chain_getBlockHash").asText().equals(best)) {
          if (System.nanoTime() > deadline) {
            throw new AssertionError(
                "the follower did not sync:\n" + Files.readString(follower.log()));
          }
          Thread.sleep(100);
        }
        JsonNode peers = followerRpc.result("system_peers");
        assertThat(peers).hasSize(1);
        assertThat(peers.get(0).get("peerId").asText()).isEqualTo(ALICE_PEER);
        assertThat(peers.get(0).get("roles").asText()).isEqualTo("AUTHORITY");
        assertThat(followerRpc.result("system_health").get("peers").asInt()).isEqualTo(1);
        assertThat(followerRpc.result("system_syncState").get("currentBlock").asLong())
            .isEqualTo(5);
        assertThat(aliceRpc.result("system_health").get("peers").asInt()).isEqualTo(1);
      }
    }
  }
}
