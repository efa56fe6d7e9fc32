/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.chainspec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.testsupport.Fixtures;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChainSpecWriterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kusama.json",
        "westend.json",
        "westend-dev.json",
        "rococo-dev.json",
        "node-template-local.json"
      })
  void rawSpecsRoundTripThroughTheWriter(String file) throws Exception {
    ChainSpec spec = ChainSpecParser.parse(Fixtures.file("chainspecs/" + file));
    String json = ChainSpecWriter.toJson(spec);
    assertThat(ChainSpecParser.parse(json)).isEqualTo(spec);

    // Every field of the original survives with the same value (hex case aside).
    JsonNode original = MAPPER.readTree(Files.readString(Fixtures.file("chainspecs/" + file)));
    JsonNode written = MAPPER.readTree(json);
    original
        .fieldNames()
        .forEachRemaining(field -> assertThat(written.has(field)).as(field).isTrue());
    assertThat(written.get("genesis").get("raw").get("top").size())
        .isEqualTo(original.get("genesis").get("raw").get("top").size());
    assertThat(written.get("bootNodes")).isEqualTo(original.get("bootNodes"));
    assertThat(written.get("properties")).isEqualTo(original.get("properties"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"kusama-legacy-raw-array.json"})
  void legacyArraySpecsAreWrittenInTheModernLayout(String file) throws Exception {
    ChainSpec legacy = ChainSpecParser.parse(Fixtures.file("chainspecs/" + file));
    String json = ChainSpecWriter.toJson(legacy);
    assertThat(ChainSpecParser.parse(json)).isEqualTo(legacy);
    // The same genesis as the fixture in the modern layout, storage entry for storage entry.
    assertThat(ChainSpecParser.parse(json).genesis())
        .isEqualTo(ChainSpecParser.parse(Fixtures.file("chainspecs/kusama.json")).genesis());
    JsonNode raw = MAPPER.readTree(json).get("genesis").get("raw");
    assertThat(raw.isObject()).isTrue();
    assertThat(raw.has("top")).isTrue();
    assertThat(raw.has("childrenDefault")).isTrue();
    assertThat(json).startsWith("{\n  \"name\": \"Kusama\",\n  \"id\": \"ksmcc3\",\n");
  }
}
