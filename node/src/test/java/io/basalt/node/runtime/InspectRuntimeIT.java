/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.node.NodeCli;
import io.basalt.node.importer.TestCaches;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.types.Bytes;
import io.basalt.primitives.types.Hash256;
import io.basalt.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code inspect-runtime} on every fixture runtime: the version (embedded section, or {@code
 * Core_version} for the 2019/2020 runtimes that have none) and the code facts.
 */
class InspectRuntimeIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // source, specName, specVersion, compressed, version source, transactionVersion,
    // stateVersion; -1: no independent record (checked only for consistency). Runtimes whose Core
    // API is below 3 (4) have transaction version 1 (state version 0) by definition.
    "chainspecs/node-template-local.json, node-template, 100, true, runtime_version section, -1, 0",
    "chainspecs/westend-dev.json, westend, 9320, true, runtime_version section, -1, -1",
    "chainspecs/rococo-dev.json, rococo, 1014000, true, runtime_version section, -1, 1",
    "chainspecs/kusama.json, kusama, 1020, false, Core_version, 1, 0",
    "chainspecs/kusama-legacy-raw-array.json, kusama, 1020, false, Core_version, 1, 0",
    "chainspecs/westend.json, westend, 1, false, Core_version, 1, 0",
    "wasm/westend-runtime-v9300.wasm, westend, 9300, true, runtime_version section, -1, -1",
    "wasm/polkadot-runtime-v9160.wasm.zstd, polkadot, 9160, true, Core_version, -1, -1",
    "wasm/sub2dev.wasm, node, -1, false, Core_version, -1, -1"
  })
  void printsTheVersionAndCodeFacts(
      String source,
      String specName,
      long specVersion,
      boolean compressed,
      String versionSource,
      long transactionVersion,
      int stateVersion,
      @TempDir Path dir)
      throws Exception {
    Path file = Fixtures.file(source);
    String[] input =
        source.startsWith("wasm/")
            ? new String[] {"--wasm", file.toString()}
            : new String[] {"--chain", file.toString()};
    NodeCli result =
        NodeCli.run(
            "inspect-runtime",
            input[0],
            input[1],
            "-d",
            dir.toString(),
            "--wasm-execution",
            "interpreted-i-know-what-i-do",
            "--wasm-cache-dir",
            TestCaches.wasmCache().toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode json = JSON.readTree(result.out());

    assertThat(json.get("specName").asText()).isEqualTo(specName);
    if (specVersion >= 0) {
      assertThat(json.get("specVersion").asLong()).isEqualTo(specVersion);
    }
    if (transactionVersion >= 0) {
      assertThat(json.get("transactionVersion").asLong()).isEqualTo(transactionVersion);
    }
    if (stateVersion >= 0) {
      assertThat(json.get("stateVersion").asInt()).isEqualTo(stateVersion);
    }
    assertThat(json.get("systemVersion").asInt()).isEqualTo(json.get("stateVersion").asInt());
    assertThat(json.get("versionSource").asText()).isEqualTo(versionSource);
    assertThat(json.get("apis").get(0).get(0).asText()).isEqualTo("0xdf6acb689907609b");
    assertThat(json.fieldNames())
        .toIterable()
        .startsWith(
            "specName",
            "implName",
            "authoringVersion",
            "specVersion",
            "implVersion",
            "apis",
            "transactionVersion",
            "systemVersion",
            "stateVersion");

    Bytes code =
        source.startsWith("wasm/")
            ? Bytes.wrap(Files.readAllBytes(file))
            : Bytes.fromHex(genesisCode(file));
    JsonNode facts = json.get("code");
    assertThat(facts.get("size").asLong()).isEqualTo(code.length());
    assertThat(facts.get("compressed").asBoolean()).isEqualTo(compressed);
    assertThat(facts.get("blake2_256").asText())
        .isEqualTo(Hash256.wrap(Hashing.blake2b256(code.unsafeArray())).toHex());
    if (compressed) {
      assertThat(facts.get("wasmSize").asLong()).isGreaterThan(code.length());
    } else {
      assertThat(facts.get("wasmSize").asLong()).isEqualTo(code.length());
    }
  }

  private static String genesisCode(Path spec) throws Exception {
    JsonNode raw = JSON.readTree(spec.toFile()).get("genesis").get("raw");
    JsonNode top = raw.isArray() ? raw.get(0) : raw.get("top");
    return top.get("0x3a636f6465").asText();
  }
}
