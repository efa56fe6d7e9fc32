/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.ChainSpecParser;
import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.node.authoring.Consensus;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.consensus.grandpa.Authority;
import io.basalt.node.consensus.grandpa.GrandpaFinality;
import io.basalt.node.consensus.grandpa.GrandpaJustification;
import io.basalt.node.service.DevConfigs;
import io.basalt.node.service.NodeService;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Justification;
import io.basalt.storage.block.BlockRef;
import io.basalt.testsupport.Fixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two authorities of the node-template local chain (GRANDPA set {Alice, Bob}: the supermajority
 * needs both), each node holding one of the keys and authoring Aura blocks on the clock. Alone,
 * Alice's node authors but cannot finalize; once Bob's node joins it over libp2p, their votes go
 * over {@code /<genesis>/grandpa/1} and both finalize with justifications that carry both
 * signatures.
 */
class GrandpaGossipIT {
  @Test
  void twoAuthoritiesFinalizeTogetherOverTheNetwork(@TempDir Path alicePath, @TempDir Path bobPath)
      throws Exception {
    ChainSpec spec = ChainSpecParser.parse(Fixtures.file("chainspecs/node-template-local.json"));
    try (NodeService alice =
        NodeService.start(
            DevConfigs.at(alicePath)
                .name("alice")
                .consensus(new Consensus.None())
                .build()
                .withNetwork(NetworkSyncIT.network("00".repeat(31) + "11", List.of())),
            spec,
            Clock.systemUTC())) {
      GrandpaFinality aliceGrandpa = alice.grandpa().orElseThrow();
      List<Bytes> voters =
          aliceGrandpa.state().set().authorities().stream().map(Authority::id).toList();
      assertThat(voters).hasSize(2);

      NetworkSyncIT.await("Alice authors a block", () -> alice.chain().best().number() >= 1);
      assertThat(alice.chain().finalized().number())
          .as("Alice alone holds half the GRANDPA weight")
          .isZero();

      NetworkService aliceNetwork = alice.network().orElseThrow();
      Multiaddr aliceAddress =
          aliceNetwork
              .host()
              .listenAddresses()
              .getFirst()
              .withPeer(aliceNetwork.host().localPeer());
      try (NodeService bob =
          NodeService.start(
              DevConfigs.at(bobPath)
                  .name("bob")
                  .devAccount("Bob")
                  .consensus(new Consensus.None())
                  .build()
                  .withNetwork(
                      NetworkSyncIT.network("00".repeat(31) + "12", List.of(aliceAddress))),
              spec,
              Clock.systemUTC())) {
        NetworkSyncIT.await(
            "both nodes finalize a block",
            () -> alice.chain().finalized().number() >= 1 && bob.chain().finalized().number() >= 1);
        assertThat(bob.network().orElseThrow().grandpaGossip().openPeers())
            .contains(aliceNetwork.host().localPeer());
        for (NodeService node : List.of(alice, bob)) {
          Blockchain chain = node.chain();
          BlockRef finalized = chain.finalized();
          GrandpaJustification justification = grandpaJustification(node, finalized);
          assertThat(justification.commit().targetHash()).isEqualTo(finalized.hash());
          assertThat(
                  justification.commit().precommits().stream()
                      .map(GrandpaJustification.SignedPrecommit::id)
                      .distinct())
              .as("precommits of #%d", finalized.number())
              .containsExactlyInAnyOrderElementsOf(voters);
        }
      }
    }
  }

  /** The stored justification of the finalized block, or of the one finalized next to it. */
  private static GrandpaJustification grandpaJustification(NodeService node, BlockRef block) {
    Justification found =
        node.chain().justifications(block.hash()).orElse(List.of()).stream()
            .filter(j -> j.engine().equals(EngineId.GRANDPA))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("#" + block.number() + " has no GRANDPA justification"));
    return GrandpaJustification.CODEC.decode(found.encoded());
  }
}
