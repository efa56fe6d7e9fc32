/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.testsupport.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads the shared trie and chain spec fixtures. */
final class TrieFixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TrieFixtures() {}

  /** A raw genesis: the top map and the default child tries. */
  record RawGenesis(
      NavigableMap<Bytes, Bytes> top, Map<Bytes, NavigableMap<Bytes, Bytes>> children) {}

  /**
   * Reads {@code genesis.raw} of a chain spec: either {@code {top, childrenDefault}} or the legacy
   * {@code [top, children]} array.
   */
  static RawGenesis rawGenesis(String relative) {
    JsonNode raw = readJson(Fixtures.file(relative)).path("genesis").path("raw");
    JsonNode top;
    JsonNode children;
    if (raw.isArray()) {
      top = raw.get(0);
      children = raw.size() > 1 ? raw.get(1) : JSON.createObjectNode();
    } else if (raw.isObject()) {
      top = raw.get("top");
      children = raw.path("childrenDefault");
    } else {
      throw new IllegalArgumentException(relative + " has no genesis.raw");
    }
    Map<Bytes, NavigableMap<Bytes, Bytes>> childTries = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> child : children.properties()) {
      childTries.put(Bytes.fromHex(child.getKey()), hexMap(child.getValue()));
    }
    return new RawGenesis(hexMap(top), childTries);
  }

  static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static NavigableMap<Bytes, Bytes> hexMap(JsonNode object) {
    NavigableMap<Bytes, Bytes> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      out.put(Bytes.fromHex(e.getKey()), Bytes.fromHex(e.getValue().asText()));
    }
    return out;
  }

  /** One w3f state-trie input: keys and values in file order (duplicates kept). */
  record W3fInput(String name, List<Bytes> keys, List<Bytes> values) {
    /** The resulting map: a later duplicate key overrides an earlier one. */
    NavigableMap<Bytes, Bytes> toMap() {
      NavigableMap<Bytes, Bytes> map = new TreeMap<>();
      for (int i = 0; i < keys.size(); i++) {
        map.put(keys.get(i), values.get(i));
      }
      return map;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** All {@code trie/w3f-state-trie/*.yaml} inputs. */
  static List<W3fInput> w3fInputs() {
    Path dir = Fixtures.file("trie/w3f-state-trie/10000_node.yaml").getParent();
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".yaml"))
          .sorted()
          .map(TrieFixtures::w3fInput)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses the suite's two-list YAML by hand. Files named {@code hex_*} hold hex keys (as the
   * suite's {@code --keys-in-hex} runs use them); a {@code 0x} prefix marks hex anywhere; anything
   * else is UTF-8 text.
   */
  static W3fInput w3fInput(Path file) {
    String name = file.getFileName().toString();
    boolean hexKeys = name.startsWith("hex_");
    List<Bytes> keys = new ArrayList<>();
    List<Bytes> values = new ArrayList<>();
    List<Bytes> current = null;
    boolean currentHex = false;
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        if (line.startsWith("keys:")) {
          current = keys;
          currentHex = hexKeys;
        } else if (line.startsWith("values:")) {
          current = values;
          currentHex = false;
        } else if (line.trim().startsWith("- ") && current != null) {
          String item = line.trim().substring(2).strip();
          current.add(parseItem(item, currentHex));
        } else {
          throw new IllegalArgumentException("unexpected line in " + name + ": " + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (keys.size() != values.size()) {
      throw new IllegalArgumentException(
          name + ": " + keys.size() + " keys but " + values.size() + " values");
    }
    return new W3fInput(name, keys, values);
  }

  private static Bytes parseItem(String item, boolean hex) {
    if (item.startsWith("0x") || hex) {
      return Bytes.fromHex(item);
    }
    return Bytes.wrap(item.getBytes(StandardCharsets.UTF_8));
  }
}
