/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.api;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.demo.genesis.GenesisBuilder;
import io.basalt.runtime.demo.genesis.GenesisConfig;
import io.basalt.runtime.demo.genesis.GenesisConfigException;
import io.basalt.runtime.demo.genesis.GenesisPresets;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GenesisBuilder} version 1 (runtime-spec §10). Preset ids are compared as bytes (a {@code
 * PresetId} is a {@code Vec<u8>}), so a non-UTF-8 id is simply unknown.
 */
final class GenesisBuilderApi {
  private GenesisBuilderApi() {}

  static byte[] buildState(ApiScope scope, byte[] input) {
    Bytes json = ApiInput.decode("build_state", input, ScaleReader::readByteVec);
    GenesisConfig config;
    try {
      config = GenesisConfig.parse(json);
    } catch (GenesisConfigException e) {
      return new ScaleWriter().writeU8(1).writeString(e.getMessage()).toByteArray();
    }
    GenesisBuilder.build(scope.executive().pallets(), config);
    return new byte[] {0};
  }

  static byte[] getPreset(ApiScope scope, byte[] input) {
    Optional<Bytes> id =
        ApiInput.decode(
            "get_preset",
            input,
            r -> r.readVariant("Option", 2) == 0 ? Optional.empty() : Optional.of(r.readByteVec()));
    Optional<String> name = id.map(b -> new String(b.unsafeArray(), StandardCharsets.UTF_8));
    if (id.isPresent()
        && GenesisPresets.NAMES.stream()
            .noneMatch(n -> Bytes.wrap(n.getBytes(StandardCharsets.UTF_8)).equals(id.get()))) {
      return new byte[] {0};
    }
    return GenesisPresets.preset(name)
        .map(preset -> new ScaleWriter().writeU8(1).writeByteVec(preset).toByteArray())
        .orElse(new byte[] {0});
  }

  static byte[] presetNames(ApiScope scope, byte[] input) {
    ApiInput.none("preset_names", input);
    ScaleWriter w = new ScaleWriter().writeCompact(GenesisPresets.NAMES.size());
    for (String name : GenesisPresets.NAMES) {
      w.writeString(name);
    }
    return w.toByteArray();
  }
}
