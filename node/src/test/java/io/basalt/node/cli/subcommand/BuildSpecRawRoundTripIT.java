/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.basalt.node.NodeCli;
import io.basalt.testsupport.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code build-spec --raw} re-emits every fixture chain spec so that a node started on the output
 * has the same genesis, and the spec's metadata survives as JSON.
 */
class BuildSpecRawRoundTripIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The fields compared, with the value sc-chain-spec reads when a spec leaves one out. */
  private static final Map<String, JsonNode> FIELDS_AND_DEFAULTS =
      Map.of(
          "name", NODES.missingNode(),
          "id", NODES.missingNode(),
          "chainType", NODES.textNode("Live"),
          "bootNodes", NODES.arrayNode(),
          "telemetryEndpoints", NODES.nullNode(),
          "properties", NODES.nullNode(),
          "codeSubstitutes", NODES.objectNode());

  static Stream<String> fixtureSpecs() throws IOException {
    try (Stream<Path> files = Files.list(Fixtures.root().resolve("chainspecs"))) {
      List<String> specs =
          files
              .map(f -> f.getFileName().toString())
              .filter(f -> f.endsWith(".json"))
              .sorted()
              .toList();
      assertThat(specs).contains("kusama.json", "kusama-legacy-raw-array.json", "rococo-dev.json");
      return specs.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtureSpecs")
  void rawOutputGivesTheSameGenesisAndKeepsTheMetadata(String file, @TempDir Path dir)
      throws IOException {
    Path spec = Fixtures.file("chainspecs/" + file);
    NodeCli built = NodeCli.run("build-spec", "--chain", spec.toString(), "--raw");
    assertThat(built.exitCode()).as(built.err()).isZero();
    Path rebuilt = Files.writeString(dir.resolve("rebuilt.json"), built.out());

    assertThat(genesisHash(rebuilt)).isEqualTo(genesisHash(spec));

    JsonNode original = JSON.readTree(Files.readString(spec, StandardCharsets.UTF_8));
    JsonNode written = JSON.readTree(built.out());
    FIELDS_AND_DEFAULTS.forEach(
        (field, absent) ->
            assertThat(written.get(field))
                .as("%s of %s", field, file)
                .isEqualTo(original.has(field) ? original.get(field) : absent));
    // Rebuilding the rebuilt spec changes nothing.
    NodeCli again = NodeCli.run("build-spec", "--chain", rebuilt.toString(), "--raw");
    assertThat(again.out()).isEqualTo(built.out());
  }

  private static String genesisHash(Path spec) throws IOException {
    NodeCli info = NodeCli.run("chain-info", "--chain", spec.toString(), "--tmp");
    assertThat(info.exitCode()).as(info.err()).isZero();
    String hash = JSON.readTree(info.out()).get("genesis_hash").asText();
    assertThat(hash).matches("0x[0-9a-f]{64}");
    return hash;
  }
}
