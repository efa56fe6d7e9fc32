/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.chainspec.Genesis;
import io.basalt.chainspec.JsonMergePatch;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.StorageChange;
import io.basalt.executor.state.TrieStateBackend;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.WellKnownKeys;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the genesis storage of a plain chain spec ({@code genesis.runtimeGenesis}) with the
 * runtime's {@code GenesisBuilder} API, as {@code sc-chain-spec} does:
 *
 * <ul>
 *   <li>{@code patch}: the runtime's default config ({@code GenesisBuilder_get_preset(None)}),
 *       merged with the patch (RFC 7396, {@link JsonMergePatch}), then built;
 *   <li>{@code config}: built as given;
 * </ul>
 *
 * building = {@code GenesisBuilder_build_state(json)} on an empty state, whose writes (top and
 * default child tries) become the raw genesis storage; {@code :code} is then set to the spec's
 * code.
 *
 * <p>The entry points are chosen by what the runtime exports, not by its GenesisBuilder API
 * version: the first API (2023) had {@code create_default_config}/{@code build_config}, and
 * runtimes still reporting version 1 in 2024 (e.g. rococo 1014000) already export {@code
 * get_preset}/{@code build_state}.
 *
 * <pre>{@code
 * Genesis.Raw raw = new RuntimeGenesisBuilder(runtimes).build(plainGenesis);
 * }</pre>
 */
public final class RuntimeGenesisBuilder {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final String GET_PRESET = "GenesisBuilder_get_preset";
  private static final String BUILD_STATE = "GenesisBuilder_build_state";
  private static final String CREATE_DEFAULT_CONFIG = "GenesisBuilder_create_default_config";
  private static final String BUILD_CONFIG = "GenesisBuilder_build_config";

  private final Runtimes runtimes;

  public RuntimeGenesisBuilder(Runtimes runtimes) {
    this.runtimes = runtimes;
  }

  /**
   * The raw genesis storage of a plain spec.
   *
   * @throws InvalidConfigurationException if the code is unusable, lacks the GenesisBuilder API,
   *     the JSON is invalid or the runtime rejects the config (with its error message)
   */
  public Genesis.Raw build(Genesis.RuntimeGenesis plain) {
    RuntimeBlob blob;
    RuntimeVersion version;
    try {
      blob = runtimes.blob(plain.code());
      version = runtimes.version(blob);
    } catch (InvalidRuntimeCodeException | RuntimeTrapException e) {
      throw new InvalidConfigurationException(
          "genesis.runtimeGenesis.code is unusable: " + e.getMessage(), e);
    }
    boolean presets = blob.exportsFunction(GET_PRESET) && blob.exportsFunction(BUILD_STATE);
    boolean legacy =
        blob.exportsFunction(CREATE_DEFAULT_CONFIG) && blob.exportsFunction(BUILD_CONFIG);
    if (!presets && !legacy) {
      throw new InvalidConfigurationException(
          "the runtime "
              + version.specName()
              + "/"
              + version.specVersion()
              + " in genesis.runtimeGenesis.code does not implement the GenesisBuilder API (it"
              + " exports neither "
              + BUILD_STATE
              + " nor "
              + BUILD_CONFIG
              + "), so it cannot build its genesis from JSON; use a raw chain spec");
    }
    String config;
    if (plain.patch().isPresent()) {
      JsonNode defaults = defaultConfig(blob, presets);
      config = JsonMergePatch.apply(defaults, parse(plain.patch().get(), "patch")).toPrettyString();
    } else {
      String given = plain.config().orElseThrow();
      parse(given, "config");
      config = given;
    }
    OverlayedChanges changes = new OverlayedChanges();
    byte[] result =
        call(
            blob,
            presets ? BUILD_STATE : BUILD_CONFIG,
            new ScaleWriter(config.length() + 5)
                .writeByteVec(config.getBytes(StandardCharsets.UTF_8))
                .toByteArray(),
            changes);
    checkBuildResult(result);
    return storage(changes, plain.code());
  }

  /**
   * A named genesis preset of a runtime ({@code GenesisBuilder_get_preset(Some(name))}): a JSON
   * patch on its default config, or empty if the runtime has no such preset.
   *
   * @throws InvalidConfigurationException if the code is unusable or has no {@code get_preset}
   */
  public Optional<String> preset(Bytes code, String name) {
    RuntimeBlob blob = runtimes.blob(code);
    if (!blob.exportsFunction(GET_PRESET)) {
      throw new InvalidConfigurationException(
          "the runtime does not export " + GET_PRESET + ", so it has no named presets");
    }
    byte[] id = ScaleCodec.option(ScaleCodec.STRING).encode(Optional.of(name));
    byte[] out = call(blob, GET_PRESET, id, new OverlayedChanges());
    return decode(out, GET_PRESET, r -> r.readOption(ScaleCodec.BYTES))
        .map(json -> new String(json.unsafeArray(), StandardCharsets.UTF_8));
  }

  private JsonNode defaultConfig(RuntimeBlob blob, boolean presets) {
    Bytes json;
    if (presets) {
      // get_preset(None): Option<PresetId>::None
      byte[] out = call(blob, GET_PRESET, new byte[] {0}, new OverlayedChanges());
      json =
          decode(
                  out,
                  "GenesisBuilder_get_preset",
                  r -> r.readOption(io.basalt.primitives.scale.ScaleCodec.BYTES))
              .orElseThrow(
                  () ->
                      new InvalidConfigurationException(
                          "the runtime has no default genesis preset"
                              + " (GenesisBuilder_get_preset(None) returned None)"));
    } else {
      byte[] out = call(blob, CREATE_DEFAULT_CONFIG, new byte[0], new OverlayedChanges());
      json = decode(out, CREATE_DEFAULT_CONFIG, ScaleReader::readByteVec);
    }
    return parse(
        new String(json.unsafeArray(), StandardCharsets.UTF_8), "the runtime's default config");
  }

  private byte[] call(RuntimeBlob blob, String method, byte[] input, OverlayedChanges changes) {
    try {
      return runtimes
          .executor()
          .call(blob, method, input, new OverlayedExternalities(changes, TrieStateBackend.empty()));
    } catch (RuntimeTrapException | InvalidRuntimeCodeException e) {
      throw new InvalidConfigurationException(
          "building the genesis state failed: " + e.getMessage(), e);
    }
  }

  /** {@code Result<(), RuntimeString>}: the runtime's error message on failure. */
  private static void checkBuildResult(byte[] result) {
    Optional<String> error =
        decode(
            result,
            "GenesisBuilder_build_state",
            r ->
                r.readVariant("Result", 2) == 0
                    ? Optional.<String>empty()
                    : Optional.of(r.readString()));
    if (error.isPresent()) {
      throw new InvalidConfigurationException(
          "the runtime rejected the genesis config: " + error.get().replace('\n', ' '));
    }
  }

  private static <T> T decode(
      byte[] out, String method, java.util.function.Function<ScaleReader, T> decoder) {
    try {
      ScaleReader r = new ScaleReader(out);
      T value = decoder.apply(r);
      r.expectEnd(method + " result");
      return value;
    } catch (ScaleDecodingException e) {
      throw new InvalidConfigurationException(
          method + " returned an undecodable result: " + e.getMessage(), e);
    }
  }

  private static JsonNode parse(String json, String what) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidConfigurationException(
          "genesis " + what + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static Genesis.Raw storage(OverlayedChanges changes, Bytes code) {
    NavigableMap<Bytes, Bytes> top = new TreeMap<>();
    for (StorageChange c : changes.topChanges()) {
      c.value().ifPresent(v -> top.put(c.key(), v));
    }
    top.put(WellKnownKeys.CODE, code);
    Map<Bytes, NavigableMap<Bytes, Bytes>> children = new TreeMap<>();
    for (Bytes childKey : changes.changedChildTries()) {
      NavigableMap<Bytes, Bytes> child = new TreeMap<>();
      for (StorageChange c : changes.childChanges(childKey)) {
        c.value().ifPresent(v -> child.put(c.key(), v));
      }
      if (!child.isEmpty()) {
        children.put(childKey, child);
      }
    }
    return new Genesis.Raw(top, children);
  }
}
