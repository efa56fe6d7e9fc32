/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.network;

import static io.basalt.node.network.NetworkSyncIT.await;
import static io.basalt.node.network.NetworkSyncIT.network;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.ChainSpecParser;
import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.node.authoring.Consensus;
import io.basalt.node.service.DevConfigs;
import io.basalt.node.service.NodeService;
import io.basalt.primitives.types.EngineId;
import io.basalt.testsupport.Fixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A BABE + GRANDPA relay chain (the westend-dev fixture, Alice its only authority) syncs over the
 * network to a key-less node: every block passes BABE verification and execution there, GRANDPA
 * justifications come with the blocks and finalize them, and new blocks follow by announcement.
 */
class NetworkBabeSyncIT {
  private static final int BLOCKS = 12;

  @Test
  void aKeylessNodeSyncsWestendDevWithBabeAndGrandpaVerification(
      @TempDir Path alicePath, @TempDir Path followerPath) throws Exception {
    ChainSpec spec = ChainSpecParser.parse(Fixtures.file("chainspecs/westend-dev.json"));
    try (NodeService alice =
        NodeService.start(
            DevConfigs.at(alicePath)
                .consensus(new Consensus.Manual())
                .build()
                .withNetwork(network("00".repeat(31) + "01", List.of())),
            spec,
            Clock.systemUTC())) {
      for (int i = 0; i < BLOCKS; i++) {
        alice.sealer().orElseThrow().createBlock(true, false, Optional.empty()).join();
      }
      await(
          "Alice's voter finalized her blocks", () -> alice.chain().finalized().number() == BLOCKS);
      NetworkService aliceNetwork = alice.network().orElseThrow();
      Multiaddr aliceAddress =
          aliceNetwork
              .host()
              .listenAddresses()
              .getFirst()
              .withPeer(aliceNetwork.host().localPeer());

      try (NodeService follower =
          NodeService.start(
              DevConfigs.at(followerPath)
                  .authority(false)
                  .build()
                  .withNetwork(network("00".repeat(31) + "02", List.of(aliceAddress))),
              spec,
              // Alice fast-forwards into future slots; the follower's clock is ahead so that
              // BABE's check against blocks from the future lets them in.
              Clock.offset(Clock.systemUTC(), Duration.ofHours(1)))) {
        assertThat(follower.engines().slots().orElseThrow().name()).isEqualTo("BABE");
        await("the follower has Alice's blocks", () -> follower.chain().best().number() == BLOCKS);
        for (long n = 1; n <= BLOCKS; n++) {
          var hash = follower.chain().canonicalHash(n).orElseThrow();
          assertThat(hash).isEqualTo(alice.chain().canonicalHash(n).orElseThrow());
          assertThat(follower.chain().requireHeader(hash).seal().orElseThrow().engine())
              .isEqualTo(EngineId.BABE);
        }
        await(
            "GRANDPA justifications from Alice finalized the follower's chain",
            () -> follower.chain().finalized().number() > 0);

        for (int i = 0; i < 2; i++) {
          alice.sealer().orElseThrow().createBlock(true, false, Optional.empty()).join();
        }
        await(
            "the follower imported the announced blocks",
            () -> follower.chain().best().equals(alice.chain().best()));
      }
    }
  }
}
