/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.basalt.node.config.InvalidConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The storage values of {@code --import-storage FILE} (Chopsticks' flag): what Chopsticks' {@code
 * dev_setStorage} takes, in JSON or YAML. Either values by pallet and item name ({@code System: {
 * Account: [[[ALICE], {providers: 1, data: {free: 1000}}]] }}, plain items as plain values, {@code
 * $removePrefix: [Map]} to clear a map, {@code 0x} keys for raw keys; see {@link NamedStorage}), or
 * a list of raw {@code [key, value]} pairs. JSON or YAML is chosen by the extension ({@code .json},
 * {@code .yaml}, {@code .yml}), else by the content (JSON when it starts with a brace or a
 * bracket).
 *
 * @param file where it was read from
 * @param values the file's content
 */
public record StorageImport(Path file, JsonNode values) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * Reads and checks the file's syntax and shape, before anything touches the database.
   *
   * @throws InvalidConfigurationException (one line naming the file) if it cannot be read or
   *     parsed, or holds neither an object nor a list
   */
  public static StorageImport read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new InvalidConfigurationException(
          "--import-storage: cannot read " + file + ": no such file", e);
    } catch (IOException e) {
      throw new InvalidConfigurationException(
          "--import-storage: cannot read " + file + ": " + e.getMessage(), e);
    }
    boolean yaml = isYaml(file, text);
    JsonNode values;
    try {
      values = (yaml ? YAML : JSON).readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidConfigurationException(
          "--import-storage: "
              + file
              + " is not valid "
              + (yaml ? "YAML" : "JSON")
              + where(e.getLocation())
              + ": "
              + e.getOriginalMessage().strip().replaceAll("\\s*\\R\\s*", " "),
          e);
    }
    if (values == null || !(values.isObject() || values.isArray())) {
      throw new InvalidConfigurationException(
          "--import-storage: "
              + file
              + " holds no storage values: expected pallets by name or a list of [key, value]"
              + " pairs");
    }
    return new StorageImport(file, values);
  }

  private static boolean isYaml(Path file, String text) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return false;
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return true;
    }
    String start = text.stripLeading();
    return !(start.startsWith("{") || start.startsWith("["));
  }

  private static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /**
   * The writes the file asks for, in its order; names are resolved by {@code names}, asked for only
   * when the file has names (its metadata costs a runtime call).
   *
   * @throws InvalidConfigurationException (one line naming the file and the pallet and item) for a
   *     name the runtime does not have or a value that does not fit
   */
  public List<StorageOverride> writes(Supplier<NamedStorage> names) {
    try {
      if (values.isArray()) {
        List<StorageOverride> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
          JsonNode pair = values.get(i);
          if (!pair.isArray() || pair.isEmpty() || pair.size() > 2 || !pair.get(0).isTextual()) {
            throw new InvalidStorageValuesException(
                "entry " + i + ": expected [\"0x…key\", \"0x…value\" or null], found " + pair);
          }
          out.add(NamedStorage.raw(pair.get(0).textValue(), pair.get(1)));
        }
        return out;
      }
      return names.get().writes(values);
    } catch (InvalidStorageValuesException e) {
      throw new InvalidConfigurationException(
          "--import-storage: " + file + ": " + e.getMessage(), e);
    }
  }
}
