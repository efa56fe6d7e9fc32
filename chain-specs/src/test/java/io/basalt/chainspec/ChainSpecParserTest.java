/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.chainspec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.testsupport.Fixtures;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChainSpecParserTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kusama.json",
        "kusama-legacy-raw-array.json",
        "westend.json",
        "westend-dev.json",
        "rococo-dev.json",
        "node-template-local.json"
      })
  void parsesEveryFixtureSpecAsRawGenesisWithCode(String file) {
    ChainSpec spec = ChainSpecParser.parse(Fixtures.file("chainspecs/" + file));
    assertThat(spec.genesis()).isInstanceOf(Genesis.Raw.class);
    Genesis.Raw raw = (Genesis.Raw) spec.genesis();
    assertThat(raw.code()).isPresent();
    assertThat(raw.top()).isNotEmpty();
  }

  @Test
  void readsKusamaMetadataFields() {
    ChainSpec spec = ChainSpecParser.parse(Fixtures.file("chainspecs/kusama.json"));
    assertThat(spec.name()).isEqualTo("Kusama");
    assertThat(spec.id()).isEqualTo("ksmcc3");
    assertThat(spec.chainType()).isEqualTo(ChainType.LIVE);
    assertThat(spec.protocolId()).contains("ksmcc3");
    assertThat(spec.bootNodes()).isNotEmpty();
    assertThat(spec.telemetryEndpoints().orElseThrow())
        .containsExactly(new TelemetryEndpoint("wss://telemetry.polkadot.io/submit/", 0));
    assertThat(spec.properties().orElseThrow()).containsEntry("tokenSymbol", "KSM");
    assertThat(spec.extensions()).containsKeys("consensusEngine", "forkBlocks", "badBlocks");
    assertThat(((Genesis.Raw) spec.genesis()).top()).hasSize(3419);
  }

  @Test
  void legacyArrayLayoutGivesTheSameStorage() {
    Genesis.Raw modern =
        (Genesis.Raw) ChainSpecParser.parse(Fixtures.file("chainspecs/kusama.json")).genesis();
    Genesis.Raw legacy =
        (Genesis.Raw)
            ChainSpecParser.parse(Fixtures.file("chainspecs/kusama-legacy-raw-array.json"))
                .genesis();
    assertThat(legacy).isEqualTo(modern);
  }

  @Test
  void westendWithoutChainTypeIsLive() {
    ChainSpec spec = ChainSpecParser.parse(Fixtures.file("chainspecs/westend.json"));
    assertThat(spec.chainType()).isEqualTo(ChainType.LIVE);
  }

  @Test
  void parsesChildTriesAndCustomChainType() {
    ChainSpec spec =
        ChainSpecParser.parse(
            """
            {"name":"T","id":"t","chainType":{"Custom":"Mine"},"bootNodes":[],
             "codeSubstitutes":{"42":"0x0061736d"},
             "genesis":{"raw":{"top":{"0x3a636f6465":"0x0061736d01000000"},
               "childrenDefault":{"0x0102":{"0xaa":"0xbb"}}}}}
            """);
    assertThat(spec.chainType()).isEqualTo(new ChainType.Custom("Mine"));
    assertThat(spec.codeSubstitutes()).containsOnlyKeys(42L);
    Genesis.Raw raw = (Genesis.Raw) spec.genesis();
    assertThat(raw.childrenDefault())
        .containsOnlyKeys(Bytes.ofUnsigned(1, 2))
        .extractingByKey(Bytes.ofUnsigned(1, 2))
        .isEqualTo(Map.of(Bytes.ofUnsigned(0xaa), Bytes.ofUnsigned(0xbb)));
  }

  @Test
  void recognisesPlainSpecs() {
    ChainSpec spec =
        ChainSpecParser.parse(
            """
            {"name":"T","id":"t","genesis":{"runtimeGenesis":{"code":"0x00","patch":{"balances":{}}}}}
            """);
    assertThat(spec.genesis()).isInstanceOf(Genesis.RuntimeGenesis.class);
    assertThat(((Genesis.RuntimeGenesis) spec.genesis()).patch()).contains("{\"balances\":{}}");
    assertThat(
            ChainSpecParser.parse("{\"name\":\"T\",\"id\":\"t\",\"genesis\":{\"runtime\":{}}}")
                .genesis())
        .isInstanceOf(Genesis.LegacyRuntime.class);
  }

  @Test
  void rejectsBadInputWithOneLineReasons() {
    assertThatThrownBy(() -> ChainSpecParser.parse(Path.of("/nonexistent/spec.json")))
        .isInstanceOf(InvalidChainSpecException.class)
        .hasMessage("chain spec file not found: /nonexistent/spec.json");
    assertThatThrownBy(() -> ChainSpecParser.parse("{\"name\": \"x\",,}"))
        .hasMessageStartingWith("invalid JSON at line 1, column");
    String valid = "{\"name\":\"x\",\"id\":\"x\",\"genesis\":{\"raw\":{\"top\":{}}}}";
    assertThat(ChainSpecParser.parse(valid + " \n\t").id()).isEqualTo("x");
    assertThatThrownBy(() -> ChainSpecParser.parse(valid + " {\"x\":1} garbage"))
        .isInstanceOf(InvalidChainSpecException.class)
        .hasMessage("invalid JSON at line 1, column 52: trailing characters after the JSON value");
    assertThatThrownBy(() -> ChainSpecParser.parse(valid + " garbage"))
        .isInstanceOf(InvalidChainSpecException.class)
        .hasMessageStartingWith("invalid JSON at line 1, column")
        .hasMessageContaining("garbage");
    assertThatThrownBy(() -> ChainSpecParser.parse("[1]"))
        .hasMessage("a chain spec must be a JSON object");
    assertThatThrownBy(() -> ChainSpecParser.parse("{\"name\":\"x\",\"id\":\"x\"}"))
        .hasMessage("missing field `genesis`");
    assertThatThrownBy(
            () -> ChainSpecParser.parse("{\"id\":\"x\",\"genesis\":{\"raw\":{\"top\":{}}}}"))
        .hasMessage("missing field `name`");
    assertThatThrownBy(() -> ChainSpecParser.parse("{\"id\":\"x\",\"genesis\":{}}"))
        .hasMessageStartingWith("`genesis` must be an object with exactly one of raw");
    assertThatThrownBy(() -> parseTop("\"0x3a6\":\"0x00\""))
        .hasMessage("genesis.raw.top key \"0x3a6\": odd number of hex digits (3)");
    assertThatThrownBy(() -> parseTop("\"0x3a\":\"0x0g\""))
        .hasMessage("genesis.raw.top[\"0x3a\"]: invalid hex character 'g' at offset 3");
    assertThatThrownBy(() -> parseTop("\"3a\":\"0x00\""))
        .hasMessage("genesis.raw.top key \"3a\": not 0x-prefixed hex");
    assertThatThrownBy(() -> parseTop("\"0x3a\":\"0x00\",\"0x3A\":\"0x01\""))
        .hasMessageContaining("appears twice");
    assertThatThrownBy(() -> parseTop("\"0x3a\":\"0x00\",\"0x3a\":\"0x01\""))
        .hasMessageContaining("Duplicate field");
    assertThatThrownBy(() -> parseTop("\"0x3a\":12"))
        .hasMessage("genesis.raw.top[\"0x3a\"] must be a 0x-prefixed hex string");
    assertThatThrownBy(
            () ->
                ChainSpecParser.parse(
                    "{\"name\":\"x\",\"id\":\"../etc\",\"genesis\":{\"raw\":{\"top\":{}}}}"))
        .hasMessageContaining("names a folder");
  }

  private static ChainSpec parseTop(String entries) {
    return ChainSpecParser.parse(
        "{\"name\":\"x\",\"id\":\"x\",\"genesis\":{\"raw\":{\"top\":{"
            + entries
            + "},\"childrenDefault\":{}}}}");
  }
}
