/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.chainspec.ChainSpecParser;
import io.basalt.executor.api.OffchainStorage;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.NodeCli;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.chain.GenesisFactory;
import io.basalt.node.config.BasePath;
import io.basalt.node.runtime.RuntimeGenesisBuilder;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.storage.trie.TrieRoot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ext_offchain_index_set} during import lands in the offchain database (PERSISTENT space,
 * prefix {@code storage}) with {@code --enable-offchain-indexing true}, and nowhere by default.
 */
class OffchainIndexingIT {
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void offchainIndexWritesArePersistedOnlyWhenEnabled(boolean enabled, @TempDir Path dir)
      throws Exception {
    Path spec = TestRuntimes.rawSpec(dir, "indexing", TestRuntimes.indexesOffchain());
    Header genesis;
    try (Runtimes runtimes = Runtimes.create(WasmExecutionMethod.INTERPRETED, Optional.empty())) {
      genesis =
          GenesisFactory.build(ChainSpecParser.parse(spec), new RuntimeGenesisBuilder(runtimes))
              .header();
    }
    SignedBlock block =
        SignedBlock.of(
            new Block(
                new Header(genesis.hash(), 1, genesis.stateRoot(), TrieRoot.EMPTY, List.of()),
                List.of()));
    Path file = Files.writeString(dir.resolve("b.json"), SignedBlockJson.toJson(block));
    Path base = dir.resolve("base");
    NodeCli result =
        NodeCli.run(
            "import-blocks",
            "--chain",
            spec.toString(),
            "-d",
            base.toString(),
            "--wasm-execution",
            "interpreted-i-know-what-i-do",
            "--enable-offchain-indexing",
            Boolean.toString(enabled),
            file.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();

    try (ChainDatabase db = ChainDatabase.open(new BasePath(base, false).databaseDir("indexing"))) {
      assertThat(db.blocks().best().orElseThrow().number()).isEqualTo(1);
      Optional<Bytes> stored =
          db.offchainStorage()
              .get(
                  OffchainStorage.Kind.PERSISTENT,
                  Bytes.wrap("key0".getBytes(StandardCharsets.US_ASCII)));
      if (enabled) {
        assertThat(stored).contains(Bytes.wrap("value0".getBytes(StandardCharsets.US_ASCII)));
      } else {
        assertThat(stored).isEmpty();
      }
    }
  }
}
