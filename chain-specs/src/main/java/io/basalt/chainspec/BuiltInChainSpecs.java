/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.chainspec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The project's own chains, bundled with the node: {@code dev} (what {@code --dev} runs) and {@code
 * local}. Both are raw specs of the basalt-demo runtime, generated through its GenesisBuilder
 * presets ({@code development}, {@code local_testnet}) and committed as {@code
 * chain-specs/dev.json} and {@code chain-specs/local.json}; a node test regenerates them from the
 * committed runtime and fails if they are stale.
 */
public final class BuiltInChainSpecs {
  /** The ids accepted by {@code --chain}. */
  public static final List<String> IDS = List.of("dev", "local");

  private BuiltInChainSpecs() {}

  /** The built-in spec for an id, if there is one. */
  public static Optional<ChainSpec> load(String id) {
    return resource(id).map(ChainSpecParser::parse);
  }

  /** The raw JSON bytes of a built-in spec, if there is one. */
  public static Optional<byte[]> resource(String id) {
    if (!IDS.contains(id)) {
      return Optional.empty();
    }
    try (InputStream in = BuiltInChainSpecs.class.getResourceAsStream(id + ".json")) {
      if (in == null) {
        throw new IllegalStateException(
            "built-in chain spec " + id + ".json is missing from the build");
      }
      return Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
