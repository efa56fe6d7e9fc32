/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.babe;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.ChainSpecParser;
import io.basalt.node.authoring.Consensus;
import io.basalt.node.authoring.CreatedBlock;
import io.basalt.node.authoring.DevSealer;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.consensus.ExportImport;
import io.basalt.node.consensus.engines.ConsensusEngines;
import io.basalt.node.service.DevConfigs;
import io.basalt.node.service.NodeService;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.testsupport.Fixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fast-forward on the westend-dev fixture (BABE + GRANDPA relay chain, Alice its only authority):
 * 100 blocks on demand take the next slots Alice claims (primary or secondary), carry BABE's
 * pre-digest and seal and the relay chain's inherents, are finalized by the local GRANDPA voter,
 * and a second node importing the exported blocks with verification on accepts every one.
 */
class BabeFastForwardIT {
  private static final int BLOCKS = 100;

  @Test
  void hundredFastForwardedWestendDevBlocksExportAndImportWithVerification(@TempDir Path dir)
      throws Exception {
    Path spec = Fixtures.file("chainspecs/westend-dev.json");
    ChainSpec chainSpec = ChainSpecParser.parse(spec);
    Path a = dir.resolve("a");
    Hash256 best;
    try (NodeService node =
        NodeService.start(
            DevConfigs.at(a).consensus(new Consensus.Manual()).build(),
            chainSpec,
            Clock.systemUTC())) {
      ConsensusEngines.Selection engines = node.engines();
      assertThat(engines.slots().orElseThrow().name()).isEqualTo("BABE");
      assertThat(engines.grandpa()).isTrue();
      BabeEngine babe = (BabeEngine) engines.slots().get().authorship();
      DevSealer sealer = node.sealer().orElseThrow();
      for (int i = 0; i < BLOCKS; i++) {
        CreatedBlock b = sealer.createBlock(true, false, Optional.empty()).join();
        assertThat(b.number()).isEqualTo(i + 1);
      }
      Blockchain chain = node.chain();
      assertThat(chain.best().number()).isEqualTo(BLOCKS);
      Header parent = chain.requireHeader(chain.genesisHash());
      for (long n = 1; n <= BLOCKS; n++) {
        Header h = chain.requireHeader(chain.canonicalHash(n).orElseThrow());
        if (n > 1) {
          assertThat(babe.slotOf(h)).as("slot of #%d", n).isGreaterThan(babe.slotOf(parent));
        }
        assertThat(h.seal().orElseThrow().engine()).isEqualTo(EngineId.BABE);
        parent = h;
      }
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (chain.finalized().number() < BLOCKS && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(chain.finalized().number())
          .as("Alice holds every GRANDPA vote: the local voter finalizes")
          .isEqualTo(BLOCKS);
      assertThat(node.finalityWaits()).isFalse();
      best = chain.best().hash();
    }

    ExportImport.exportThenImport(spec, a, dir, BLOCKS, best);
  }
}
