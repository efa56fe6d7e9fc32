/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.chainspec.BuiltInChainSpecs;
import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.ChainSpecWriter;
import io.basalt.chainspec.ChainType;
import io.basalt.chainspec.Genesis;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.NodeCli;
import io.basalt.node.runtime.RuntimeGenesisBuilder;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.keystore.DevKeys;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.hash.StorageHasher;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.testsupport.ProjectFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The built-in chains ({@code chain-specs/dev.json}, {@code local.json}) are what the committed
 * basalt-demo runtime builds from its GenesisBuilder presets: regenerated here and compared byte
 * for byte. {@code -Dbasalt.chainspecs.update=true} rewrites the committed files.
 */
class BuiltInChainSpecsTest {
  private static final String RUNTIME =
      "runtime-wasm/blobs/basalt_demo_v100.compact.compressed.wasm";
  private static final BigInteger ENDOWMENT = BigInteger.ONE.shiftLeft(60);

  /** The plain spec of a built-in chain: its metadata and the runtime's named preset as patch. */
  static ChainSpec plain(String id, Bytes code, String preset) {
    boolean dev = id.equals("dev");
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("ss58Format", 42);
    properties.put("tokenDecimals", 12);
    properties.put("tokenSymbol", "UNIT");
    return new ChainSpec(
        dev ? "Development" : "Local Testnet",
        dev ? "dev" : "local_testnet",
        dev ? ChainType.DEVELOPMENT : ChainType.LOCAL,
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(properties),
        Map.of(),
        new TreeMap<>(),
        new Genesis.RuntimeGenesis(code, Optional.of(preset), Optional.empty()));
  }

  @ParameterizedTest
  @CsvSource({"dev, development", "local, local_testnet"})
  void committedSpecIsWhatTheRuntimesPresetBuilds(String id, String preset) throws IOException {
    Bytes code = Bytes.wrap(Files.readAllBytes(ProjectFiles.file(RUNTIME)));
    String generated;
    try (Runtimes runtimes = Runtimes.create(WasmExecutionMethod.INTERPRETED, Optional.empty())) {
      RuntimeGenesisBuilder builder = new RuntimeGenesisBuilder(runtimes);
      String patch = builder.preset(code, preset).orElseThrow();
      ChainSpec plain = plain(id, code, patch);
      generated =
          ChainSpecWriter.toJson(plain.withGenesis(GenesisFactory.rawStorage(plain, builder)));
    }
    Path committed = ProjectFiles.root().resolve("chain-specs").resolve(id + ".json");
    if (Boolean.getBoolean("basalt.chainspecs.update")) {
      Files.writeString(committed, generated, StandardCharsets.UTF_8);
    }
    assertThat(committed).exists();
    assertThat(Files.readString(committed, StandardCharsets.UTF_8))
        .as("%s is stale: run this test with -Dbasalt.chainspecs.update=true", committed)
        .isEqualTo(generated);
    assertThat(new String(BuiltInChainSpecs.resource(id).orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo(generated);
  }

  @ParameterizedTest
  @CsvSource({"dev", "local"})
  void aliceIsSudoAndEveryDevAccountIsEndowed(String id) {
    Genesis.Raw raw = (Genesis.Raw) BuiltInChainSpecs.load(id).orElseThrow().genesis();
    Bytes alice = dev("Alice");
    assertThat(raw.top().get(Bytes.wrap(key("Sudo", "Key")))).isEqualTo(alice);
    for (String name : DevKeys.NAMES) {
      byte[] account = dev(name).toArray();
      Bytes info =
          raw.top()
              .get(
                  Bytes.wrap(key("System", "Account"))
                      .concat(Bytes.wrap(StorageHasher.BLAKE2_128_CONCAT.hash(account))));
      assertThat(info).as(name).isNotNull();
      ScaleReader r = new ScaleReader(info);
      r.readRaw(16, "nonce, consumers, providers, sufficients");
      assertThat(r.readU128()).as("%s free balance", name).isEqualTo(ENDOWMENT);
    }
    assertThat(raw.code()).isPresent();
  }

  @Test
  void devFlagStartsOnTheBuiltInChain() throws IOException {
    NodeCli info = NodeCli.run("chain-info", "--dev");
    assertThat(info.exitCode()).as(info.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(info.out());
    assertThat(json.get("best_number").asLong()).isZero();
    NodeCli local = NodeCli.run("chain-info", "--chain", "local", "--tmp");
    assertThat(local.exitCode()).as(local.err()).isZero();
    // Same storage, other chain metadata: the genesis state (and so the hash) is the same.
    assertThat(new ObjectMapper().readTree(local.out()).get("genesis_hash"))
        .isEqualTo(json.get("genesis_hash"));
  }

  private static Bytes dev(String name) {
    return KeyScheme.SR25519.fromSuri("//" + name, Optional.empty()).pair().publicKey();
  }

  private static byte[] key(String pallet, String item) {
    return Bytes.wrap(Hashing.twox128(pallet.getBytes(StandardCharsets.US_ASCII)))
        .concat(Bytes.wrap(Hashing.twox128(item.getBytes(StandardCharsets.US_ASCII))))
        .toArray();
  }
}
