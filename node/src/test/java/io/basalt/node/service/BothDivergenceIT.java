/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.chainspec.ChainSpec;
import io.basalt.executor.strategy.ExecutionStrategy;
import io.basalt.node.LogCapture;
import io.basalt.node.chain.BlockOrigin;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.offchain.OffchainWorkerPolicy;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.storage.trie.MerkleTrie;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Both} on a node producing blocks, against a native runtime that writes one key its Wasm
 * twin does not: each divergence is logged with the key and both values and counted, Wasm's outcome
 * is kept, and a Wasm-only node that imports the blocks reaches the same state roots.
 */
class BothDivergenceIT {

  @Test
  void divergencesAreLoggedAndCountedAndWasmsStateIsKept(@TempDir Path dir) {
    ChainSpec spec = ChainSpecs.load("dev");
    LogCapture.Captured<String> run =
        LogCapture.run(
            () -> {
              try {
                return produceAndFollow(dir, spec);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    List<String> divergences =
        run.lines().stream()
            .filter(l -> l.startsWith("Consensus error between wasm and native"))
            .toList();
    assertThat(divergences).hasSize(2);
    assertThat(divergences)
        .allSatisfy(
            l ->
                assertThat(l)
                    .startsWith(
                        "Consensus error between wasm and native in Core_initialize_block at"
                            + " block #")
                    .contains("(block_construction): 1 key differs. Using wasm.")
                    .endsWith(
                        "\n  top "
                            + DivergentNative.EXTRA_KEY.toHex()
                            + ": native 0x01 vs wasm (none)"));
    assertThat(run.result())
        .contains(
            "basalt_runtime_mismatches_total{chain=\"dev\",context=\"block_construction\"} 2\n");
  }

  private static String produceAndFollow(Path dir, ChainSpec spec) throws Exception {
    try (NodeService both =
            NodeService.start(
                DevNodes.config(
                    dir.resolve("both"),
                    true,
                    Optional.of(ExecutionStrategy.BOTH),
                    Optional.empty(),
                    OffchainWorkerPolicy.NEVER),
                spec,
                Clock.systemUTC(),
                "both",
                new DivergentNative());
        NodeService wasm =
            NodeService.start(
                DevNodes.config(
                    dir.resolve("wasm"),
                    false,
                    Optional.of(ExecutionStrategy.ALWAYS_WASM),
                    Optional.empty(),
                    OffchainWorkerPolicy.NEVER),
                spec,
                Clock.systemUTC())) {
      List<Hash256> blocks = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Hash256 block = DevNodes.createBlock(both);
        blocks.add(block);
        // The Wasm-only node executes the block and checks its state root against the header's.
        DevNodes.relay(both, wasm, block, BlockOrigin.NETWORK_BROADCAST);
      }
      assertThat(wasm.chain().best()).isEqualTo(both.chain().best());
      MerkleTrie trie = new MerkleTrie(both.database().trieNodes());
      for (Hash256 block : blocks) {
        Hash256 root = both.chain().requireHeader(block).stateRoot();
        assertThat(wasm.chain().requireHeader(block).stateRoot()).isEqualTo(root);
        assertThat(trie.get(root, DivergentNative.EXTRA_KEY))
            .as("the native write was rolled back")
            .isEmpty();
      }
      String metrics = DevNodes.scrape(both);
      assertThat(DevNodes.scrape(wasm))
          .contains(
              "basalt_runtime_mismatches_total{chain=\"dev\",context=\"block_construction\"} 0\n");
      return metrics;
    }
  }
}
