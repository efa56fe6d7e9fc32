/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.testsupport.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test-only reader of raw chain specs: genesis top storage and default child tries, in the modern
 * {@code genesis.raw.{top,childrenDefault}} layout or the legacy {@code genesis.raw = [top,
 * children]} array.
 *
 * @param top top-trie key/values
 * @param children child key (without prefix) to its key/values
 */
public record ChainSpecFixture(
    TreeMap<Bytes, Bytes> top, TreeMap<Bytes, TreeMap<Bytes, Bytes>> children) {

  public static ChainSpecFixture load(String relative) {
    try {
      JsonNode raw =
          new ObjectMapper().readTree(Fixtures.file(relative).toFile()).path("genesis").path("raw");
      JsonNode top = raw.isArray() ? raw.get(0) : raw.path("top");
      JsonNode children = raw.isArray() ? raw.get(1) : raw.path("childrenDefault");
      TreeMap<Bytes, TreeMap<Bytes, Bytes>> childMaps = new TreeMap<>();
      if (children != null && children.isObject()) {
        for (Map.Entry<String, JsonNode> e : children.properties()) {
          JsonNode data = e.getValue().has("data") ? e.getValue().get("data") : e.getValue();
          childMaps.put(Bytes.fromHex(e.getKey()), map(data));
        }
      }
      return new ChainSpecFixture(map(top), childMaps);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TreeMap<Bytes, Bytes> map(JsonNode node) {
    TreeMap<Bytes, Bytes> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      out.put(Bytes.fromHex(e.getKey()), Bytes.fromHex(e.getValue().asText()));
    }
    return out;
  }

  /** The genesis runtime code. */
  public Bytes code() {
    return top.get(WellKnownKeys.CODE);
  }
}
