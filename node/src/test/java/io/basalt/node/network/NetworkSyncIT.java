/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.config.NetworkConfig;
import io.basalt.node.config.NetworkConfig.NodeKey;
import io.basalt.node.config.PrometheusConfig;
import io.basalt.node.service.DevConfigs;
import io.basalt.node.service.NodeService;
import io.basalt.node.txpool.Submission;
import io.basalt.node.txpool.TransactionSource;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.PeerId;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Basalt nodes on loopback: an authoring dev node and a key-less one that knows it only as its
 * boot node. The second syncs the first's chain from scratch over libp2p (Noise, Yamux, block
 * announces, {@code /sync/2}) and then follows new blocks as they are announced.
 */
class NetworkSyncIT {
  static NetworkConfig network(String seedHex, List<Multiaddr> bootnodes) {
    return new NetworkConfig(
        true,
        new NodeKey.Secret(Bytes.of(Hex.decode(seedHex))),
        List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")),
        List.of(),
        bootnodes,
        List.of(),
        false,
        NetworkConfig.DEFAULT_IN_PEERS,
        NetworkConfig.DEFAULT_OUT_PEERS,
        Optional.empty(),
        NetworkConfig.SyncMode.FULL,
        NetworkConfig.DEFAULT_MAX_PARALLEL_DOWNLOADS,
        16);
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(50);
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
  void aFreshNodeSyncsFromItsBootnodeAndFollowsAnnouncedBlocks(
      @TempDir Path alicePath, @TempDir Path followerPath) throws Exception {
    String aliceKey = "00".repeat(31) + "01";
    try (NodeService alice =
        NodeService.start(
            DevConfigs.at(alicePath)
                .name("alice")
                .prometheus(PrometheusConfig.listening(0, false))
                .build()
                .withNetwork(network(aliceKey, List.of())),
            ChainSpecs.load("dev"),
            Clock.systemUTC())) {
      for (int i = 0; i < 40; i++) {
        alice.sealer().orElseThrow().createBlock(true, i % 10 == 9, Optional.empty()).join();
      }
      NetworkService aliceNetwork = alice.network().orElseThrow();
      PeerId alicePeer = aliceNetwork.host().localPeer();
      Multiaddr aliceAddress = aliceNetwork.host().listenAddresses().getFirst().withPeer(alicePeer);
      assertThat(aliceNetwork.localListenAddresses()).contains(aliceAddress.toString());

      try (NodeService follower =
          NodeService.start(
              DevConfigs.at(followerPath)
                  .name("follower")
                  .authority(false)
                  .build()
                  .withNetwork(network("00".repeat(31) + "02", List.of(aliceAddress))),
              ChainSpecs.load("dev"),
              Clock.systemUTC())) {
        await("the follower has Alice's 40 blocks", () -> follower.chain().best().number() == 40);
        for (long n = 1; n <= 40; n++) {
          assertThat(follower.chain().canonicalHash(n)).isEqualTo(alice.chain().canonicalHash(n));
        }
        assertThat(follower.network().orElseThrow().peers()).containsKey(alicePeer);

        for (int i = 0; i < 3; i++) {
          alice.sealer().orElseThrow().createBlock(true, false, Optional.empty()).join();
        }
        await(
            "the follower has the 3 announced blocks",
            () -> follower.chain().best().number() == 43);
        assertThat(follower.chain().best()).isEqualTo(alice.chain().best());
        assertThat(follower.network().orElseThrow().isMajorSyncing()).isFalse();

        String metrics = scrape(alice.prometheusAddress().orElseThrow().getPort());
        assertThat(metrics)
            .contains("substrate_sub_libp2p_peers_count{chain=\"dev\"} 1\n")
            .contains("substrate_sync_peers{chain=\"dev\"} 1\n")
            .contains("substrate_sync_is_major_syncing{chain=\"dev\"} 0\n")
            .contains(
                "substrate_sub_libp2p_connections_opened_total{chain=\"dev\",direction=\"in\"} 1\n")
            .containsPattern(
                "substrate_sub_libp2p_network_bytes_total\\{chain=\"dev\",direction=\"out\"} [1-9]")
            .containsPattern(
                "basalt_sub_libp2p_protocol_bytes_total\\{chain=\"dev\",direction=\"out\","
                    + "protocol=\"/[^\"]+/sync/2\"} [1-9]");
        String status =
            aliceNetwork.informant().status(alice.chain().best(), alice.chain().finalized(), "");
        assertThat(status).startsWith("💤 Idle (1 peers), best: #43 (");

        // A transfer submitted to the key-less node reaches the author through gossip.
        ExtrinsicFactory xts = new ExtrinsicFactory(100, follower.chain().genesisHash());
        Bytes transfer =
            xts.signed(
                    DevAccounts.alice(),
                    new RuntimeCall.TransferKeepAlive(
                        MultiAddress.id(DevAccounts.bobId()), BigInteger.TEN.pow(12)),
                    0)
                .encoded();
        assertThat(follower.pool().submit(TransactionSource.EXTERNAL, transfer))
            .isInstanceOf(Submission.Accepted.class);
        await("the transfer reached Alice's pool", () -> alice.pool().readyCount() == 1);
        Hash256 included =
            alice.sealer().orElseThrow().createBlock(false, false, Optional.empty()).join().hash();
        assertThat(alice.chain().body(included).orElseThrow()).hasSize(2);
        await(
            "the follower imported the block with the transfer",
            () -> follower.chain().contains(included));
        await(
            "the follower's pool dropped the included transfer",
            () -> follower.pool().readyCount() == 0);
      }
    }
  }
}
