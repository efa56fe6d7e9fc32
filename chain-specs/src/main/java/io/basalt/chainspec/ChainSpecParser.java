/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.chainspec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.types.WellKnownKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * <p>A spec is parsed as a stream: storage values are decoded from their hex text as they are read,
 * without a tree of the whole document, within the limits of {@link ChainSpecLimits}.
 *
 * <p>Every problem is reported as an {@link InvalidChainSpecException} whose message names the
 * field and the reason in one line, for example {@code genesis.raw.top key "0x3a6": odd number of
 * hex digits (3)}.
 */
public final class ChainSpecParser {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(ChainSpecLimits.JSON)
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                  .build())
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
   * Reads and parses a chain spec file, as a stream.
   *
   * @throws InvalidChainSpecException if the file is missing, unreadable, over {@link
   *     ChainSpecLimits#MAX_SPEC_BYTES} or not a valid spec
   */
  public static ChainSpec parse(Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw new InvalidChainSpecException("chain spec " + file + " is a directory, not a file");
      }
      long size = Files.size(file);
      if (size > ChainSpecLimits.MAX_SPEC_BYTES) {
        throw new InvalidChainSpecException(
            "chain spec "
                + file
                + " has "
                + size
                + " bytes, over the limit of "
                + ChainSpecLimits.describe(ChainSpecLimits.MAX_SPEC_BYTES)
                + " per chain spec");
      }
      try (InputStream in = Files.newInputStream(file)) {
        return parse(in);
      }
    } catch (NoSuchFileException e) {
      throw new InvalidChainSpecException("chain spec file not found: " + file);
    } catch (IOException e) {
      throw new InvalidChainSpecException(
          "cannot read chain spec " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses a chain spec from its JSON text. */
  public static ChainSpec parse(String json) {
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Parses a chain spec from its JSON bytes. */
  public static ChainSpec parse(byte[] json) {
    return parse(new ByteArrayInputStream(json));
  }

  /**
   * Parses a chain spec from a stream of JSON (not closed here).
   *
   * @throws InvalidChainSpecException if it is not a valid spec within {@link ChainSpecLimits}
   */
  public static ChainSpec parse(InputStream json) {
    try (JsonParser parser = MAPPER.createParser(json)) {
      return read(parser);
    } catch (StreamConstraintsException e) {
      throw new InvalidChainSpecException(ChainSpecLimits.exceeded(e, where(e)), e);
    } catch (JsonProcessingException e) {
      throw new InvalidChainSpecException(
          "invalid JSON" + where(e) + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidChainSpecException("cannot read the chain spec: " + e.getMessage(), e);
    }
  }

  private static String where(JsonProcessingException e) {
    return where(e.getLocation());
  }

  private static String where(JsonLocation loc) {
    return loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }

  private static ChainSpec read(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new InvalidChainSpecException("a chain spec must be a JSON object");
    }
    ObjectNode root = MAPPER.createObjectNode();
    Genesis genesis = null;
    NavigableMap<Long, Bytes> codeSubstitutes = new TreeMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "genesis" -> genesis = value == JsonToken.VALUE_NULL ? null : genesis(p);
        case "codeSubstitutes" -> codeSubstitutes = codeSubstitutes(p);
        default -> root.set(field, MAPPER.readTree(p));
      }
    }
    // serde_json rejects anything but whitespace after the value; so do we.
    if (p.nextToken() != null) {
      var loc = p.currentTokenLocation();
      throw new InvalidChainSpecException(
          "invalid JSON at line "
              + loc.getLineNr()
              + ", column "
              + loc.getColumnNr()
              + ": trailing characters after the JSON value");
    }
    return fromJson(root, genesis, codeSubstitutes);
  }

  private static ChainSpec fromJson(
      ObjectNode root, Genesis genesis, NavigableMap<Long, Bytes> codeSubstitutes) {
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
    if (genesis == null) {
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
        codeSubstitutes,
        genesis);
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

  private static NavigableMap<Long, Bytes> codeSubstitutes(JsonParser p) throws IOException {
    NavigableMap<Long, Bytes> out = new TreeMap<>();
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return out;
    }
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new InvalidChainSpecException(
          "`codeSubstitutes` must be an object of block number -> code");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      long number;
      try {
        number = Long.parseUnsignedLong(key);
      } catch (NumberFormatException ex) {
        throw new InvalidChainSpecException(
            "codeSubstitutes key \"" + key + "\" must be a decimal block number", ex);
      }
      p.nextToken();
      out.put(number, hexValue(p, "codeSubstitutes[\"" + key + "\"]"));
    }
    return out;
  }

  private static final String GENESIS_SHAPE =
      "`genesis` must be an object with exactly one of raw, runtimeGenesis, runtime, stateRootHash";

  private static Genesis genesis(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME) {
      throw new InvalidChainSpecException(GENESIS_SHAPE);
    }
    String kind = p.currentName();
    p.nextToken();
    Genesis genesis =
        switch (kind) {
          case "raw" -> raw(p);
          case "runtimeGenesis" -> runtimeGenesis(p);
          case "runtime" -> new Genesis.LegacyRuntime(MAPPER.readTree(p).toString());
          case "stateRootHash" -> {
            Bytes root = hexValue(p, "genesis.stateRootHash");
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
    if (p.nextToken() != JsonToken.END_OBJECT) {
      throw new InvalidChainSpecException(GENESIS_SHAPE);
    }
    return genesis;
  }

  private static Genesis.Raw raw(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.START_ARRAY) {
      // Legacy layout: [top, children].
      String shape = "legacy genesis.raw must be a [top, children] array";
      if (p.nextToken() == JsonToken.END_ARRAY) {
        throw new InvalidChainSpecException(shape);
      }
      NavigableMap<Bytes, Bytes> top = storageMap(p, "genesis.raw[0]");
      if (p.nextToken() == JsonToken.END_ARRAY) {
        throw new InvalidChainSpecException(shape);
      }
      Map<Bytes, NavigableMap<Bytes, Bytes>> children = children(p, "genesis.raw[1]");
      if (p.nextToken() != JsonToken.END_ARRAY) {
        throw new InvalidChainSpecException(shape);
      }
      return new Genesis.Raw(top, children);
    }
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new InvalidChainSpecException(
          "genesis.raw must be an object with `top` and `childrenDefault`");
    }
    NavigableMap<Bytes, Bytes> top = null;
    Map<Bytes, NavigableMap<Bytes, Bytes>> children = Map.of();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "top" -> top = storageMap(p, "genesis.raw.top");
        case "childrenDefault" ->
            children =
                value == JsonToken.VALUE_NULL
                    ? Map.of()
                    : children(p, "genesis.raw.childrenDefault");
        default -> p.skipChildren();
      }
    }
    if (top == null) {
      throw new InvalidChainSpecException("missing field `genesis.raw.top`");
    }
    return new Genesis.Raw(top, children);
  }

  private static Map<Bytes, NavigableMap<Bytes, Bytes>> children(JsonParser p, String where)
      throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new InvalidChainSpecException(where + " must be an object of child key -> storage map");
    }
    Map<Bytes, NavigableMap<Bytes, Bytes>> out = new TreeMap<>();
    byte[] prefix = WellKnownKeys.DEFAULT_CHILD_STORAGE_PREFIX.toArray();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      Bytes key = hexKey(name, where);
      // Legacy specs may carry the prefixed key; the map is keyed by the unprefixed one.
      if (key.startsWith(prefix)) {
        key = key.slice(prefix.length, key.length());
      }
      p.nextToken();
      if (out.put(key, storageMap(p, where + "[\"" + name + "\"]", true)) != null) {
        throw new InvalidChainSpecException(where + ": duplicate child key " + name);
      }
    }
    return out;
  }

  /**
   * A storage map at the parser's current token. Older specs wrapped a child trie's data as {@code
   * {"data": {...}, "child_info": ...}}: a {@code data} object is the map, the rest is skipped.
   */
  private static NavigableMap<Bytes, Bytes> storageMap(JsonParser p, String where)
      throws IOException {
    return storageMap(p, where, false);
  }

  private static NavigableMap<Bytes, Bytes> storageMap(
      JsonParser p, String where, boolean childTrie) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new InvalidChainSpecException(where + " must be an object of hex key -> hex value");
    }
    NavigableMap<Bytes, Bytes> out = new TreeMap<>();
    NavigableMap<Bytes, Bytes> wrapped = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (childTrie && value == JsonToken.START_OBJECT && name.equals("data")) {
        wrapped = storageMap(p, where);
        continue;
      }
      if (childTrie && name.startsWith("child_")) {
        p.skipChildren();
        continue;
      }
      Bytes key = hexKey(name, where);
      Bytes v = hexValue(p, where + "[\"" + abbreviate(name) + "\"]");
      if (out.put(key, v) != null) {
        throw new InvalidChainSpecException(where + ": key " + abbreviate(name) + " appears twice");
      }
    }
    return wrapped != null && out.isEmpty() ? wrapped : out;
  }

  private static Genesis.RuntimeGenesis runtimeGenesis(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new InvalidChainSpecException("genesis.runtimeGenesis must be an object");
    }
    Bytes wasm = null;
    JsonNode patch = null;
    JsonNode config = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "code" -> wasm = hexValue(p, "genesis.runtimeGenesis.code");
        case "patch" -> patch = MAPPER.readTree(p);
        case "config" -> config = MAPPER.readTree(p);
        default -> p.skipChildren();
      }
    }
    if (wasm == null) {
      throw new InvalidChainSpecException("missing field `genesis.runtimeGenesis.code`");
    }
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

  /**
   * The hex string at the parser's current token, decoded as Jackson hands over its text in chunks:
   * a large value (runtime code) is never held as one {@code String}.
   */
  private static Bytes hexValue(JsonParser p, String where) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw new InvalidChainSpecException(where + " must be a 0x-prefixed hex string");
    }
    int length = p.getTextLength();
    if (length > ChainSpecLimits.MAX_VALUE_CHARS) {
      throw new InvalidChainSpecException(
          ChainSpecLimits.valueTooLong(where(p.currentTokenLocation())));
    }
    HexValueWriter hex = new HexValueWriter(length);
    try {
      p.getText(hex);
      return hex.value();
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
