/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.chainspec.ChainSpecParser;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.NodeCli;
import io.basalt.node.runtime.RuntimeGenesisBuilder;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.storage.block.BlockRef;
import io.basalt.storage.block.BlockStore;
import io.basalt.storage.kv.KeyValueStore;
import io.basalt.storage.kv.rocksdb.RocksDbKeyValueStore;
import io.basalt.storage.trie.TrieCommit;
import io.basalt.storage.trie.TrieNodeStore;
import io.basalt.testsupport.Fixtures;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Databases that an interrupted or damaged genesis could leave: the next start completes what can
 * be completed and refuses, with one line, what cannot; it never takes a partial genesis as good.
 */
class InterruptedGenesisTest {
  @TempDir Path base;
  private String spec;
  private Path databaseDir;
  private GenesisFactory.GenesisBlock genesis;

  @BeforeEach
  void buildGenesis() {
    Path file = Fixtures.file("chainspecs/westend.json");
    spec = file.toString();
    var chainSpec = ChainSpecParser.parse(file);
    databaseDir = base.resolve("chains").resolve(chainSpec.id()).resolve("db").resolve("full");
    try (Runtimes runtimes = Runtimes.create(WasmExecutionMethod.INTERPRETED, Optional.empty())) {
      genesis = GenesisFactory.build(chainSpec, new RuntimeGenesisBuilder(runtimes));
    }
  }

  @Test
  void trieNodesWithoutTheGenesisRecordAreCompleted() {
    // Half of the genesis state's nodes, no header, no metadata.
    Map<Hash256, Bytes> half = new HashMap<>();
    genesis.state().nodes().entrySet().stream()
        .limit(genesis.state().nodes().size() / 2)
        .forEach(e -> half.put(e.getKey(), e.getValue()));
    seed(tx -> tx.putTrieNodes(new TrieCommit(genesis.state().root(), half)));

    NodeCli info = NodeCli.run("chain-info", "--chain", spec, "-d", base.toString());

    assertThat(info.exitCode()).as(info.err()).isZero();
    assertThat(info.out()).contains("\"genesis_hash\":\"" + genesis.hash() + "\"");
    try (KeyValueStore kv = RocksDbKeyValueStore.open(databaseDir)) {
      TrieNodeStore nodes = new TrieNodeStore(kv);
      assertThat(genesis.state().nodes().keySet()).allMatch(nodes::contains);
      BlockStore blocks = BlockStore.open(kv);
      assertThat(blocks.header(genesis.hash())).contains(genesis.header());
      assertThat(blocks.best()).contains(new BlockRef(genesis.hash(), 0));
    }
  }

  @Test
  void aGenesisRecordWithoutItsHeaderIsRefusedAndLeftAsItIs() {
    seed(tx -> tx.setGenesis(genesis.hash()));

    for (List<String> start :
        List.of(
            List.of("chain-info", "--chain", spec, "-d", base.toString()),
            List.of("--chain", spec, "-d", base.toString()))) {
      NodeCli result = NodeCli.run(start.toArray(String[]::new));
      assertThat(result.exitCode()).as(String.join(" ", start)).isEqualTo(1);
      assertThat(result.err())
          .isEqualTo(
              "Error: the database at "
                  + databaseDir
                  + " records genesis "
                  + genesis.hash()
                  + " but not its header: it is damaged; run purge-chain and start again\n");
    }
    try (KeyValueStore kv = RocksDbKeyValueStore.open(databaseDir)) {
      BlockStore blocks = BlockStore.open(kv);
      assertThat(blocks.genesisHash()).contains(genesis.hash());
      assertThat(blocks.hasHeader(genesis.hash())).isFalse();
      assertThat(blocks.best()).isEmpty();
      assertThat(new TrieNodeStore(kv).contains(genesis.state().root())).isFalse();
    }
  }

  @Test
  void aGenesisBlockWithoutItsStateIsRefused() {
    BlockRef ref = new BlockRef(genesis.hash(), 0);
    seed(
        tx ->
            tx.putHeader(genesis.header())
                .putBody(genesis.hash(), List.of())
                .setCanonical(0, genesis.hash())
                .setBest(ref)
                .setFinalized(ref)
                .setGenesis(genesis.hash()));

    NodeCli info = NodeCli.run("chain-info", "--chain", spec, "-d", base.toString());

    assertThat(info.exitCode()).isEqualTo(1);
    assertThat(info.err())
        .isEqualTo(
            "Error: the database at "
                + databaseDir
                + " records genesis "
                + genesis.hash()
                + " but not its state (root node "
                + genesis.state().root()
                + "): it is damaged; run purge-chain and start again\n");
  }

  private void seed(Consumer<BlockStore.Transaction> writes) {
    try (KeyValueStore kv = RocksDbKeyValueStore.open(databaseDir);
        BlockStore.Transaction tx = BlockStore.open(kv).transaction()) {
      writes.accept(tx);
      tx.commit();
    }
  }
}
