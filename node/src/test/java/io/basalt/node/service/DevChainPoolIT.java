/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.chainspec.ChainSpec;
import io.basalt.node.LogCapture;
import io.basalt.node.authoring.Consensus;
import io.basalt.node.authoring.CreatedBlock;
import io.basalt.node.chain.BlockOrigin;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.config.PrometheusConfig;
import io.basalt.node.txpool.Submission;
import io.basalt.node.txpool.TransactionSource;
import io.basalt.node.txpool.TransactionStatus;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import io.basalt.runtime.demo.chain.WasmCode;
import io.basalt.runtime.demo.storage.StorageKeys;
import io.basalt.storage.trie.MerkleTrie;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transactions on a running dev chain, through the pool: a transfer from submission to finality
 * with instant seal, and a runtime upgrade ({@code sudo(set_code(v101))}) after which the chain
 * goes on, v101's migration has run, and a non-authority node that imports the blocks with
 * NativeElseWasm switches from the native runtime (spec 100) to Wasm, saying why once.
 */
class DevChainPoolIT {
  private static NodeConfig config(
      Path base, Consensus consensus, boolean authority, PrometheusConfig prometheus) {
    return DevConfigs.at(base)
        .name(authority ? "alice" : "follower")
        .authority(authority)
        .consensus(consensus)
        .prometheus(prometheus)
        .build();
  }

  @Test
  void aTransferGoesFromThePoolIntoAFinalizedBlockWithInstantSeal(@TempDir Path dir)
      throws Exception {
    ChainSpec spec = ChainSpecs.load("dev");
    try (NodeService node =
        NodeService.start(
            config(dir, new Consensus.InstantSeal(), true, PrometheusConfig.disabled()),
            spec,
            Clock.systemUTC())) {
      Bytes transfer = DevNodes.transferToBob(node, 0);
      List<TransactionStatus> statuses = new CopyOnWriteArrayList<>();
      Submission submitted =
          node.pool().submitAndWatch(TransactionSource.EXTERNAL, transfer, statuses::add);
      assertThat(submitted).isInstanceOf(Submission.Accepted.class);
      DevNodes.await(
          () -> statuses.stream().anyMatch(s -> s instanceof TransactionStatus.Finalized),
          "the transfer to be finalized");
      Hash256 block = ((TransactionStatus.InBlock) statuses.get(1)).block();
      assertThat(statuses)
          .containsExactly(
              new TransactionStatus.Ready(),
              new TransactionStatus.InBlock(block),
              new TransactionStatus.Finalized(block));
      assertThat(node.chain().body(block).orElseThrow()).hasSize(2); // timestamp + transfer
      assertThat(node.pool().readyCount()).isZero();
      // A replay of the same transfer is refused: its nonce is stale now.
      assertThat(node.pool().submit(TransactionSource.EXTERNAL, transfer))
          .isInstanceOf(Submission.Rejected.class);
    }
  }

  @Test
  void aRuntimeUpgradeThroughThePoolRunsV101sMigrationAndTheChainGoesOn(@TempDir Path dir)
      throws Exception {
    ChainSpec spec = ChainSpecs.load("dev");
    LogCapture.Captured<String> run =
        LogCapture.run(
            () -> {
              try {
                return upgrade(dir, spec);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    String followerMetrics = run.result();
    // The follower imported with NativeElseWasm: natively before the upgrade, in Wasm after it.
    assertThat(DevNodes.calls(followerMetrics, "import_block", "native")).isPositive();
    assertThat(DevNodes.calls(followerMetrics, "import_block", "wasm")).isPositive();
    assertThat(run.lines())
        .filteredOn(l -> l.contains("Runtime upgrade in #2"))
        .allMatch(l -> l.endsWith(": basalt-demo/100 → basalt-demo/101"))
        .hasSize(2); // once by the author, once by the follower
    assertThat(run.lines())
        .filteredOn(l -> l.startsWith("Native runtime basalt-demo/100 cannot call"))
        .isNotEmpty()
        .allMatch(
            l ->
                l.equals(
                    "Native runtime basalt-demo/100 cannot call the on-chain runtime"
                        + " basalt-demo/101 (spec_version 100 ≠ 101): running Wasm"));
  }

  private static String upgrade(Path dir, ChainSpec spec) throws Exception {
    try (NodeService alice =
            NodeService.start(
                config(
                    dir.resolve("alice"),
                    new Consensus.Manual(),
                    true,
                    PrometheusConfig.disabled()),
                spec,
                Clock.systemUTC());
        NodeService follower =
            NodeService.start(
                config(
                    dir.resolve("follower"),
                    new Consensus.None(),
                    false,
                    PrometheusConfig.listening(0, false)),
                spec,
                Clock.systemUTC())) {
      CreatedBlock b1 =
          alice.sealer().orElseThrow().createBlock(true, true, Optional.empty()).join();
      DevNodes.relay(alice, follower, b1.hash(), BlockOrigin.NETWORK_BROADCAST);
      ExtrinsicFactory xts = new ExtrinsicFactory(100, alice.chain().genesisHash());
      Bytes upgrade =
          xts.signed(
                  DevAccounts.alice(),
                  new RuntimeCall.Sudo(new RuntimeCall.SetCode(WasmCode.compressed(101))),
                  0)
              .encoded();
      assertThat(alice.pool().submit(TransactionSource.EXTERNAL, upgrade))
          .isInstanceOf(Submission.Accepted.class);
      CreatedBlock upgraded =
          alice.sealer().orElseThrow().createBlock(false, true, Optional.empty()).join();
      assertThat(alice.chain().body(upgraded.hash()).orElseThrow()).hasSize(2);
      DevNodes.relay(alice, follower, upgraded.hash(), BlockOrigin.NETWORK_BROADCAST);
      Hash256 last = upgraded.hash();
      for (int i = 0; i < 3; i++) {
        last = alice.sealer().orElseThrow().createBlock(true, true, Optional.empty()).join().hash();
        DevNodes.relay(alice, follower, last, BlockOrigin.NETWORK_BROADCAST);
      }
      assertThat(alice.chain().best().number()).isEqualTo(5);
      // v101's migration ran in the block after the upgrade: Template at storage version 1.
      MerkleTrie trie = new MerkleTrie(alice.database().trieNodes());
      Hash256 root = alice.chain().requireHeader(last).stateRoot();
      assertThat(trie.get(root, StorageKeys.storageVersion("Template")))
          .contains(Bytes.fromHex("0x0100"));
      // The follower agrees on every block.
      assertThat(follower.chain().best()).isEqualTo(alice.chain().best());
      return DevNodeIT.scrape(follower.prometheusAddress().orElseThrow().getPort());
    }
  }
}
