/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.chainspec.ChainSpecParser;
import io.basalt.chainspec.Genesis;
import io.basalt.node.NodeCli;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import io.basalt.storage.block.BlockStore;
import io.basalt.storage.kv.rocksdb.RocksDbKeyValueStore;
import io.basalt.storage.trie.StateTrie;
import io.basalt.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChainInfoCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "kusama.json, 0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe",
    "kusama-legacy-raw-array.json, 0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe",
    "westend.json, 0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e",
    "node-template-local.json, 0x6bf30d04495c16ef053de4ac74eac35dfd6473e4907810f450bea1b976ac518f"
  })
  void printsTheKnownGenesisHash(String spec, String genesisHash) throws Exception {
    NodeCli result =
        NodeCli.run(
            "chain-info", "--chain", Fixtures.file("chainspecs/" + spec).toString(), "--tmp");
    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    JsonNode info = JSON.readTree(result.out());
    assertThat(info.get("genesis_hash").asText()).isEqualTo(genesisHash);
    assertThat(info.get("best_hash").asText()).isEqualTo(genesisHash);
    assertThat(info.get("finalized_hash").asText()).isEqualTo(genesisHash);
    assertThat(info.get("best_number").asLong()).isZero();
    assertThat(info.get("finalized_number").asLong()).isZero();
    assertThat(result.out())
        .startsWith("{\"best_hash\":")
        .containsSubsequence("best_number", "genesis_hash", "finalized_hash", "finalized_number");
  }

  @Test
  void rococoDevGenesisUsesTheV1TrieLayout(@TempDir Path base) throws Exception {
    Path specFile = Fixtures.file("chainspecs/rococo-dev.json");
    NodeCli result =
        NodeCli.run("chain-info", "--chain", specFile.toString(), "-d", base.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    Genesis.Raw raw = (Genesis.Raw) ChainSpecParser.parse(specFile).genesis();
    Hash256 v1 = StateTrie.root(raw.top(), raw.childrenDefault(), StateVersion.V1);
    Hash256 v0 = StateTrie.root(raw.top(), raw.childrenDefault(), StateVersion.V0);
    assertThat(v1).isNotEqualTo(v0);
    try (var store = RocksDbKeyValueStore.open(base.resolve("chains/rococo_dev/db/full"))) {
      BlockStore blocks = BlockStore.open(store);
      Hash256 genesis = blocks.genesisHash().orElseThrow();
      assertThat(JSON.readTree(result.out()).get("genesis_hash").asText())
          .isEqualTo(genesis.toHex());
      assertThat(blocks.header(genesis).orElseThrow().stateRoot()).isEqualTo(v1);
    }
  }

  @Test
  void restartKeepsTheChainAndRefusesAnotherSpec(@TempDir Path base) throws Exception {
    String westend = Fixtures.file("chainspecs/westend.json").toString();
    NodeCli first = NodeCli.run("chain-info", "--chain", westend, "-d", base.toString());
    NodeCli second = NodeCli.run("chain-info", "--chain", westend, "-d", base.toString());
    assertThat(first.exitCode()).isZero();
    assertThat(second.out()).isEqualTo(first.out());

    // Another spec with the same chain id but a different genesis must be refused.
    String original = Files.readString(Path.of(westend));
    String altered =
        original.replaceFirst("\"0x3a636f6465\"", "\"0x00\": \"0x01\", \"0x3a636f6465\"");
    Path alteredSpec = base.resolve("altered.json");
    Files.writeString(alteredSpec, altered);
    NodeCli refused =
        NodeCli.run("chain-info", "--chain", alteredSpec.toString(), "-d", base.toString());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .startsWith("Error: the database at ")
        .contains("holds a chain with genesis 0xe143f238")
        .endsWith("; use another --base-path or run purge-chain\n");
    NodeCli after = NodeCli.run("chain-info", "--chain", westend, "-d", base.toString());
    assertThat(after.out()).isEqualTo(first.out());
  }
}
