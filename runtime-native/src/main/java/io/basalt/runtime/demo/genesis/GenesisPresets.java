/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.genesis;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.ss58.Ss58;
import io.basalt.primitives.crypto.ss58.Ss58AddressFormat;
import io.basalt.runtime.metadata.demo.DemoRuntimeDescription;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The genesis presets of {@code GenesisBuilder_get_preset} (runtime-spec §10): compact JSON, keys
 * in the spec's order. Presets are patches over {@link #DEFAULT_CONFIG}.
 */
public final class GenesisPresets {
  public static final String DEVELOPMENT = "development";
  public static final String LOCAL_TESTNET = "local_testnet";

  /** The preset names, in the order {@code preset_names} returns them. */
  public static final List<String> NAMES = List.of(DEVELOPMENT, LOCAL_TESTNET);

  /** The full default config. */
  public static final String DEFAULT_CONFIG =
      "{\"system\":{},\"balances\":{\"balances\":[]},\"sudo\":{\"key\":null},"
          + "\"template\":{\"value\":null}}";

  /** The sr25519 public keys of Alice, Bob, Charlie, Dave, Eve and Ferdie. */
  public static final List<Bytes> DEV_ACCOUNTS =
      List.of(
          Bytes.fromHex("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d"),
          Bytes.fromHex("8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48"),
          Bytes.fromHex("90b5ab205c6974c9ea841be688864633dc9ca8a357843eeacf2314649965fe22"),
          Bytes.fromHex("306721211d5404bd9da88e0204360a1a9ab8b87c66c1bc2fcdd37f3c2222cc20"),
          Bytes.fromHex("e659a7a1628cdd93febc04a4e0646ea20e9f5f0ce097d9a05290d4a9e054df4e"),
          Bytes.fromHex("1cbd2d43530a44705ad088af313e18f80b53ef16b36177cd4b77b846f2a5f07c"));

  private static final String DEVELOPMENT_JSON = development();

  private GenesisPresets() {}

  private static String development() {
    StringBuilder json = new StringBuilder("{\"balances\":{\"balances\":[");
    for (int i = 0; i < DEV_ACCOUNTS.size(); i++) {
      json.append(i == 0 ? "" : ",")
          .append("[\"")
          .append(Ss58.encode(DEV_ACCOUNTS.get(i), Ss58AddressFormat.SUBSTRATE))
          .append("\",")
          .append(DemoRuntimeDescription.ENDOWMENT)
          .append(']');
    }
    json.append("]},\"sudo\":{\"key\":\"")
        .append(Ss58.encode(DEV_ACCOUNTS.get(0), Ss58AddressFormat.SUBSTRATE))
        .append("\"}}");
    return json.toString();
  }

  /** {@code get_preset(id)}: the default config for none, a preset by name, else empty. */
  public static Optional<Bytes> preset(Optional<String> id) {
    if (id.isEmpty()) {
      return Optional.of(utf8(DEFAULT_CONFIG));
    }
    return switch (id.get()) {
      case DEVELOPMENT, LOCAL_TESTNET -> Optional.of(utf8(DEVELOPMENT_JSON));
      default -> Optional.empty();
    };
  }

  private static Bytes utf8(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
  }
}
