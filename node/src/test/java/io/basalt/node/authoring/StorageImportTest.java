/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.primitives.bytes.Bytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --import-storage FILE}: JSON and YAML (by extension, else by content) read into the same
 * values; raw pairs need no metadata; bad files are one line naming the file. Names against a real
 * runtime's metadata are covered by {@code StartOverridesIT}.
 */
class StorageImportTest {
  private static final String JSON =
      """
      {"System": {"Account": [[["5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"],
        {"providers": 1, "data": {"free": 1000}}]]}, "Template": {"Value": 7}}
      """;
  private static final String YAML =
      """
      # the same values as JSON
      System:
        Account:
          - - - 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY
            - providers: 1
              data:
                free: 1000
      Template:
        Value: 7
      """;

  @Test
  void jsonAndYamlByExtensionOrContentReadTheSame(@TempDir Path dir) throws Exception {
    StorageImport json = StorageImport.read(Files.writeString(dir.resolve("s.json"), JSON));
    StorageImport yaml = StorageImport.read(Files.writeString(dir.resolve("s.yaml"), YAML));
    StorageImport yml = StorageImport.read(Files.writeString(dir.resolve("s.yml"), YAML));
    StorageImport jsonByContent = StorageImport.read(Files.writeString(dir.resolve("a"), JSON));
    StorageImport yamlByContent = StorageImport.read(Files.writeString(dir.resolve("b"), YAML));
    assertThat(yaml.values()).isEqualTo(json.values());
    assertThat(yml.values()).isEqualTo(json.values());
    assertThat(jsonByContent.values()).isEqualTo(json.values());
    assertThat(yamlByContent.values()).isEqualTo(json.values());
    assertThat(json.values().at("/System/Account/0/1/data/free").asLong()).isEqualTo(1000);
  }

  @Test
  void rawPairsAreWrittenWithoutTheRuntimesNames(@TempDir Path dir) throws Exception {
    StorageImport raw =
        StorageImport.read(
            Files.writeString(
                dir.resolve("raw.yaml"), "- ['0x1234', '0xbeef']\n- ['0x5678', null]\n"));
    assertThat(
            raw.writes(
                () -> {
                  throw new AssertionError("raw pairs need no metadata");
                }))
        .containsExactly(
            new StorageOverride.Put(Bytes.fromHex("0x1234"), Bytes.fromHex("0xbeef")),
            new StorageOverride.Delete(Bytes.fromHex("0x5678")));
    StorageImport bad =
        StorageImport.read(Files.writeString(dir.resolve("bad.json"), "[[\"0x12\", 5]]"));
    assertThatThrownBy(() -> bad.writes(() -> null))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "--import-storage: " + bad.file() + ": 0x12: expected a 0x-hex value or null, found 5");
  }

  @Test
  void badFilesAreOneLineNamingTheFile(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.json");
    List<List<Object>> cases =
        List.of(
            List.of(missing, "--import-storage: cannot read " + missing + ": no such file"),
            List.of(
                Files.writeString(dir.resolve("broken.json"), "{\"System\": {\"Account\": [}"),
                " is not valid JSON (line 1, column "),
            List.of(
                Files.writeString(dir.resolve("broken.yaml"), "System:\n  Account: [\n  - x: :\n"),
                " is not valid YAML (line "),
            List.of(
                Files.writeString(dir.resolve("scalar.yaml"), "just text\n"),
                " holds no storage values: expected pallets by name or a list of [key, value]"
                    + " pairs"),
            List.of(Files.writeString(dir.resolve("empty.yml"), ""), " holds no storage values"));
    for (List<Object> c : cases) {
      Path file = (Path) c.get(0);
      assertThatThrownBy(() -> StorageImport.read(file))
          .isInstanceOf(InvalidConfigurationException.class)
          .hasMessageStartingWith("--import-storage: ")
          .hasMessageContaining(file.toString())
          .hasMessageContaining((String) c.get(1))
          .message()
          .doesNotContain("\n");
    }
  }
}
