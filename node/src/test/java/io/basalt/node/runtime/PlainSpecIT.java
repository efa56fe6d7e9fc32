/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.chainspec.JsonMergePatch;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.StateBackend;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.NodeCli;
import io.basalt.node.importer.TestCaches;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.testsupport.Fixtures;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain chain spec ({@code genesis.runtimeGenesis}) around the rococo 1014000 runtime of {@code
 * rococo-dev.json}, which has the GenesisBuilder API: {@code build-spec --raw} builds its storage
 * through the runtime (default config + patch, or a full config, which gives the same raw spec as
 * the equivalent patch), {@code chain-info} gives the same genesis for the plain and the raw spec,
 * and runtime errors are one line. Interpreted: building rococo's genesis takes about as long as
 * loading its compiled classes, without the first compilation.
 */
class PlainSpecIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** //Alice's sr25519 public key (fixtures README). */
  private static final Bytes ALICE =
      Bytes.fromHex("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");

  private static final String ALICE_SS58 = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

  private static final String SYSTEM_ACCOUNT =
      "26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9";

  static Path plainSpec(Path dir, String genesisField, JsonNode value) throws Exception {
    Files.createDirectories(dir);
    JsonNode raw = JSON.readTree(Fixtures.file("chainspecs/rococo-dev.json").toFile());
    String code = raw.get("genesis").get("raw").get("top").get("0x3a636f6465").asText();
    ObjectNode spec = JSON.createObjectNode();
    spec.put("name", "Rococo Plain").put("id", "rococo_plain").put("chainType", "Development");
    spec.putArray("bootNodes");
    ObjectNode runtimeGenesis = spec.putObject("genesis").putObject("runtimeGenesis");
    runtimeGenesis.put("code", code);
    runtimeGenesis.set(genesisField, value);
    return Files.writeString(dir.resolve("plain.json"), JSON.writeValueAsString(spec));
  }

  static List<String> args(String command, Path spec, Path base, String... more) {
    List<String> out =
        new ArrayList<>(
            List.of(
                command,
                "--chain",
                spec.toString(),
                "-d",
                base.toString(),
                "--wasm-execution",
                "interpreted-i-know-what-i-do",
                "--wasm-cache-dir",
                TestCaches.wasmCache().toString()));
    out.addAll(List.of(more));
    return out;
  }

  @Test
  void patchedPlainSpecBuildsThroughTheRuntime(@TempDir Path dir) throws Exception {
    BigInteger balance = new BigInteger("123456789012345678");
    JsonNode patch =
        JSON.readTree("{\"balances\":{\"balances\":[[\"" + ALICE_SS58 + "\"," + balance + "]]}}");
    Path spec = plainSpec(dir, "patch", patch);

    NodeCli built =
        NodeCli.run(args("build-spec", spec, dir.resolve("b1"), "--raw").toArray(String[]::new));
    assertThat(built.exitCode()).as(built.err()).isZero();
    JsonNode top = JSON.readTree(built.out()).get("genesis").get("raw").get("top");

    // :code is the spec's code.
    assertThat(top.get("0x3a636f6465").asText())
        .isEqualTo(
            JSON.readTree(spec.toFile()).get("genesis").get("runtimeGenesis").get("code").asText());
    // System.Account(Alice) = AccountInfo { nonce, consumers, providers, sufficients, data:
    // {free…}}
    String aliceKey =
        "0x"
            + SYSTEM_ACCOUNT
            + Bytes.wrap(Hashing.blake2b128(ALICE.unsafeArray())).toHex().substring(2)
            + ALICE.toHex().substring(2);
    assertThat(top.has(aliceKey)).as("System.Account(Alice) in genesis").isTrue();
    byte[] info = Bytes.fromHex(top.get(aliceKey).asText()).toArray();
    byte[] free = new byte[16];
    for (int i = 0; i < 16; i++) {
      free[15 - i] = info[16 + i];
    }
    assertThat(new BigInteger(1, free)).isEqualTo(balance);

    // The plain spec and its raw form are the same chain.
    Path rawSpec = Files.writeString(dir.resolve("raw.json"), built.out());
    NodeCli plainInfo =
        NodeCli.run(args("chain-info", spec, dir.resolve("b2")).toArray(String[]::new));
    NodeCli rawInfo =
        NodeCli.run(args("chain-info", rawSpec, dir.resolve("b3")).toArray(String[]::new));
    assertThat(plainInfo.exitCode()).as(plainInfo.err()).isZero();
    assertThat(rawInfo.exitCode()).as(rawInfo.err()).isZero();
    assertThat(JSON.readTree(plainInfo.out()).get("genesis_hash"))
        .isEqualTo(JSON.readTree(rawInfo.out()).get("genesis_hash"));
  }

  @Test
  void aFullConfigBuildsTheSameRawSpecAsTheEquivalentPatch(@TempDir Path dir) throws Exception {
    JsonNode patch =
        JSON.readTree("{\"balances\":{\"balances\":[[\"" + ALICE_SS58 + "\",1000000000000]]}}");
    Path patched = plainSpec(dir.resolve("p"), "patch", patch);

    // The equivalent `config`: the runtime's own default (GenesisBuilder_get_preset(None)) with
    // the patch merged in, as sc-chain-spec resolves a patch.
    JsonNode raw = JSON.readTree(Fixtures.file("chainspecs/rococo-dev.json").toFile());
    Bytes code =
        Bytes.fromHex(raw.get("genesis").get("raw").get("top").get("0x3a636f6465").asText());
    JsonNode defaults;
    try (Runtimes runtimes = Runtimes.create(WasmExecutionMethod.INTERPRETED, Optional.empty())) {
      RuntimeBlob blob = runtimes.blob(code);
      byte[] out =
          runtimes
              .executor()
              .call(
                  blob,
                  "GenesisBuilder_get_preset",
                  new byte[] {0},
                  new OverlayedExternalities(new OverlayedChanges(), StateBackend.empty()));
      Bytes json = ScaleCodec.option(ScaleCodec.BYTES).decode(out).orElseThrow();
      defaults = JSON.readTree(new String(json.unsafeArray(), StandardCharsets.UTF_8));
    }
    JsonNode config = JsonMergePatch.apply(defaults, patch);
    assertThat(config).isNotEqualTo(defaults);
    Path configured = plainSpec(dir.resolve("c"), "config", config);

    NodeCli fromPatch =
        NodeCli.run(args("build-spec", patched, dir.resolve("b1"), "--raw").toArray(String[]::new));
    NodeCli fromConfig =
        NodeCli.run(
            args("build-spec", configured, dir.resolve("b2"), "--raw").toArray(String[]::new));
    assertThat(fromPatch.exitCode()).as(fromPatch.err()).isZero();
    assertThat(fromConfig.exitCode()).as(fromConfig.err()).isZero();
    assertThat(JSON.readTree(fromConfig.out())).isEqualTo(JSON.readTree(fromPatch.out()));
  }

  @Test
  void runtimeRejectionIsOneLine(@TempDir Path dir) throws Exception {
    // build_state deserializes the config strictly: an unknown pallet field is refused.
    Path spec = plainSpec(dir, "patch", JSON.readTree("{\"balances\":{\"noSuchField\":1}}"));
    NodeCli result =
        NodeCli.run(args("build-spec", spec, dir.resolve("b"), "--raw").toArray(String[]::new));
    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    assertThat(result.err()).startsWith("Error: the runtime rejected the genesis config: ");
    assertThat(result.err()).contains("noSuchField");
    assertThat(result.err().strip().lines()).hasSize(1);
  }

  @Test
  void runtimeWithoutGenesisBuilderIsExplained(@TempDir Path dir) throws Exception {
    JsonNode raw = JSON.readTree(Fixtures.file("chainspecs/node-template-local.json").toFile());
    String code = raw.get("genesis").get("raw").get("top").get("0x3a636f6465").asText();
    Path spec =
        Files.writeString(
            dir.resolve("nt.json"),
            "{\"name\":\"x\",\"id\":\"x\",\"genesis\":{\"runtimeGenesis\":{\"code\":\""
                + code
                + "\",\"patch\":{}}}}");
    NodeCli result = NodeCli.run(args("chain-info", spec, dir.resolve("b")).toArray(String[]::new));
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith(
            "Error: the runtime node-template/100 in genesis.runtimeGenesis.code does not"
                + " implement the GenesisBuilder API");
  }
}
