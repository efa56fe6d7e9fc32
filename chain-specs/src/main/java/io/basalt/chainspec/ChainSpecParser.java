/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.chainspec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.types.WellKnownKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads Substrate chain specs: raw ({@code genesis.raw.{top,childrenDefault}} and the legacy {@code
 * genesis.raw = [top, children]}), plain ({@code genesis.runtimeGenesis}), and recognises the forms
 * the node cannot build a state from ({@code genesis.runtime}, {@code stateRootHash}).
 *
 * <p>Every problem is reported as an {@link InvalidChainSpecException} whose message names the
 * field and the reason in one line, for example {@code genesis.raw.top key "0x3a6": odd number of
 * hex digits (3)}.
 */
public final class ChainSpecParser {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          // serde_json rejects anything but whitespace after the value; so do we.
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final Set<String> KNOWN_FIELDS =
      Set.of(
          "name",
          "id",
          "chainType",
          "bootNodes",
          "telemetryEndpoints",
          "protocolId",
          "properties",
          "codeSubstitutes",
          "genesis");

  // A chain id becomes a folder name: keep it to a safe character set.
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_.\\-]+");

  private ChainSpecParser() {}

  /**
   * Reads and parses a chain spec file.
   *
   * @throws InvalidChainSpecException if the file is missing, unreadable or not a valid spec
   */
  public static ChainSpec parse(Path file) {
    byte[] json;
    try {
      json = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidChainSpecException("chain spec file not found: " + file);
    } catch (IOException e) {
      throw new InvalidChainSpecException(
          "cannot read chain spec " + file + ": " + e.getMessage(), e);
    }
    return parse(json);
  }

  /** Parses a chain spec from its JSON text. */
  public static ChainSpec parse(String json) {
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Parses a chain spec from its JSON bytes. */
  public static ChainSpec parse(byte[] json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String where =
          loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new InvalidChainSpecException("invalid JSON" + where + ": " + describe(e));
    } catch (IOException e) {
      throw new InvalidChainSpecException("invalid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidChainSpecException("a chain spec must be a JSON object");
    }
    return fromJson((ObjectNode) root);
  }

  private static String describe(JsonProcessingException e) {
    // Jackson names its own feature flag here; say what serde_json says instead.
    return e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Trailing")
        ? "trailing characters after the JSON value"
        : e.getOriginalMessage();
  }

  private static ChainSpec fromJson(ObjectNode root) {
    String name = requiredString(root, "name");
    String id = requiredString(root, "id");
    if (!SAFE_ID.matcher(id).matches() || id.equals(".") || id.equals("..")) {
      throw new InvalidChainSpecException(
          "id \"" + id + "\" must be letters, digits, '_', '-' or '.' (it names a folder)");
    }
    Map<String, Object> extensions = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      if (!KNOWN_FIELDS.contains(field.getKey())) {
        extensions.put(field.getKey(), JsonValues.toJava(field.getValue()));
      }
    }
    JsonNode genesis = root.get("genesis");
    if (genesis == null || genesis.isNull()) {
      throw new InvalidChainSpecException("missing field `genesis`");
    }
    return new ChainSpec(
        name,
        id,
        chainType(root.get("chainType")),
        bootNodes(root.get("bootNodes")),
        telemetry(root.get("telemetryEndpoints")),
        optionalString(root, "protocolId"),
        properties(root.get("properties")),
        extensions,
        codeSubstitutes(root.get("codeSubstitutes")),
        genesis(genesis));
  }

  private static String requiredString(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new InvalidChainSpecException("missing field `" + field + "`");
    }
    if (!v.isTextual()) {
      throw new InvalidChainSpecException("`" + field + "` must be a string");
    }
    return v.textValue();
  }

  private static Optional<String> optionalString(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new InvalidChainSpecException("`" + field + "` must be a string or null");
    }
    return Optional.of(v.textValue());
  }

  private static ChainType chainType(JsonNode v) {
    if (v == null || v.isNull()) {
      return ChainType.LIVE;
    }
    if (v.isTextual()) {
      return ChainType.known(v.textValue());
    }
    if (v.isObject() && v.size() == 1 && v.has("Custom") && v.get("Custom").isTextual()) {
      return new ChainType.Custom(v.get("Custom").textValue());
    }
    throw new InvalidChainSpecException("`chainType` must be a string or {\"Custom\": \"…\"}");
  }

  private static List<String> bootNodes(JsonNode v) {
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new InvalidChainSpecException("`bootNodes` must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode node : v) {
      if (!node.isTextual()) {
        throw new InvalidChainSpecException("`bootNodes` must be an array of strings");
      }
      out.add(node.textValue());
    }
    return out;
  }

  private static Optional<List<TelemetryEndpoint>> telemetry(JsonNode v) {
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    String shape = "`telemetryEndpoints` must be null or an array of [url, verbosity] pairs";
    if (!v.isArray()) {
      throw new InvalidChainSpecException(shape);
    }
    List<TelemetryEndpoint> out = new ArrayList<>();
    for (JsonNode pair : v) {
      if (!pair.isArray()
          || pair.size() != 2
          || !pair.get(0).isTextual()
          || !pair.get(1).canConvertToInt()) {
        throw new InvalidChainSpecException(shape);
      }
      out.add(new TelemetryEndpoint(pair.get(0).textValue(), pair.get(1).intValue()));
    }
    return Optional.of(out);
  }

  @SuppressWarnings("unchecked")
  private static Optional<Map<String, Object>> properties(JsonNode v) {
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isObject()) {
      throw new InvalidChainSpecException("`properties` must be a JSON object or null");
    }
    return Optional.of((Map<String, Object>) JsonValues.toJava(v));
  }

  private static NavigableMap<Long, Bytes> codeSubstitutes(JsonNode v) {
    NavigableMap<Long, Bytes> out = new TreeMap<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isObject()) {
      throw new InvalidChainSpecException(
          "`codeSubstitutes` must be an object of block number -> code");
    }
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      long number;
      try {
        number = Long.parseUnsignedLong(e.getKey());
      } catch (NumberFormatException ex) {
        throw new InvalidChainSpecException(
            "codeSubstitutes key \"" + e.getKey() + "\" must be a decimal block number", ex);
      }
      out.put(number, hexValue(e.getValue(), "codeSubstitutes[\"" + e.getKey() + "\"]"));
    }
    return out;
  }

  private static Genesis genesis(JsonNode g) {
    if (!g.isObject() || g.size() != 1) {
      throw new InvalidChainSpecException(
          "`genesis` must be an object with exactly one of raw, runtimeGenesis, runtime, stateRootHash");
    }
    String kind = g.fieldNames().next();
    JsonNode body = g.get(kind);
    return switch (kind) {
      case "raw" -> raw(body);
      case "runtimeGenesis" -> runtimeGenesis(body);
      case "runtime" -> new Genesis.LegacyRuntime(body.toString());
      case "stateRootHash" -> {
        Bytes root = hexValue(body, "genesis.stateRootHash");
        if (root.length() != 32) {
          throw new InvalidChainSpecException("genesis.stateRootHash must be 32 bytes");
        }
        yield new Genesis.StateRootHash(Hash256.wrap(root.toArray()));
      }
      default ->
          throw new InvalidChainSpecException(
              "unknown genesis kind `"
                  + kind
                  + "` (expected raw, runtimeGenesis, runtime or stateRootHash)");
    };
  }

  private static Genesis.Raw raw(JsonNode raw) {
    if (raw.isArray()) {
      // Legacy layout: [top, children].
      if (raw.size() != 2) {
        throw new InvalidChainSpecException("legacy genesis.raw must be a [top, children] array");
      }
      return new Genesis.Raw(
          storageMap(raw.get(0), "genesis.raw[0]"), children(raw.get(1), "genesis.raw[1]"));
    }
    if (!raw.isObject()) {
      throw new InvalidChainSpecException(
          "genesis.raw must be an object with `top` and `childrenDefault`");
    }
    JsonNode top = raw.get("top");
    if (top == null) {
      throw new InvalidChainSpecException("missing field `genesis.raw.top`");
    }
    JsonNode children = raw.get("childrenDefault");
    return new Genesis.Raw(
        storageMap(top, "genesis.raw.top"),
        children == null || children.isNull()
            ? Map.of()
            : children(children, "genesis.raw.childrenDefault"));
  }

  private static Map<Bytes, NavigableMap<Bytes, Bytes>> children(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new InvalidChainSpecException(where + " must be an object of child key -> storage map");
    }
    Map<Bytes, NavigableMap<Bytes, Bytes>> out = new TreeMap<>();
    byte[] prefix = WellKnownKeys.DEFAULT_CHILD_STORAGE_PREFIX.toArray();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      Bytes key = hexKey(e.getKey(), where);
      // Legacy specs may carry the prefixed key; the map is keyed by the unprefixed one.
      if (key.startsWith(prefix)) {
        key = key.slice(prefix.length, key.length());
      }
      JsonNode child = e.getValue();
      // Older specs wrapped the data as {"data": {...}, "child_info": ...}.
      if (child.isObject() && child.has("data") && child.get("data").isObject()) {
        child = child.get("data");
      }
      if (out.put(key, storageMap(child, where + "[\"" + e.getKey() + "\"]")) != null) {
        throw new InvalidChainSpecException(where + ": duplicate child key " + e.getKey());
      }
    }
    return out;
  }

  private static NavigableMap<Bytes, Bytes> storageMap(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new InvalidChainSpecException(where + " must be an object of hex key -> hex value");
    }
    NavigableMap<Bytes, Bytes> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      Bytes key = hexKey(e.getKey(), where);
      Bytes value = hexValue(e.getValue(), where + "[\"" + abbreviate(e.getKey()) + "\"]");
      if (out.put(key, value) != null) {
        throw new InvalidChainSpecException(
            where + ": key " + abbreviate(e.getKey()) + " appears twice");
      }
    }
    return out;
  }

  private static Genesis.RuntimeGenesis runtimeGenesis(JsonNode node) {
    if (!node.isObject()) {
      throw new InvalidChainSpecException("genesis.runtimeGenesis must be an object");
    }
    JsonNode code = node.get("code");
    if (code == null) {
      throw new InvalidChainSpecException("missing field `genesis.runtimeGenesis.code`");
    }
    Bytes wasm = hexValue(code, "genesis.runtimeGenesis.code");
    JsonNode patch = node.get("patch");
    JsonNode config = node.get("config");
    if ((patch == null) == (config == null)) {
      throw new InvalidChainSpecException(
          "genesis.runtimeGenesis needs exactly one of `patch` and `config`");
    }
    return new Genesis.RuntimeGenesis(
        wasm,
        Optional.ofNullable(patch).map(JsonNode::toString),
        Optional.ofNullable(config).map(JsonNode::toString));
  }

  private static Bytes hexKey(String text, String where) {
    try {
      requirePrefix(text);
      return Bytes.wrap(Hex.decode(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidChainSpecException(
          where + " key \"" + abbreviate(text) + "\": " + reason(e));
    }
  }

  private static Bytes hexValue(JsonNode node, String where) {
    if (!node.isTextual()) {
      throw new InvalidChainSpecException(where + " must be a 0x-prefixed hex string");
    }
    try {
      requirePrefix(node.textValue());
      return Bytes.wrap(Hex.decode(node.textValue()));
    } catch (IllegalArgumentException e) {
      throw new InvalidChainSpecException(where + ": " + reason(e));
    }
  }

  private static void requirePrefix(String text) {
    if (!Hex.hasPrefix(text)) {
      throw new IllegalArgumentException("not 0x-prefixed hex");
    }
  }

  private static String reason(IllegalArgumentException e) {
    String m = e.getMessage();
    int in = m.indexOf(" in \"");
    return in < 0 ? m : m.substring(0, in);
  }

  private static String abbreviate(String s) {
    return s.length() <= 20 ? s : s.substring(0, 18) + "…";
  }
}
