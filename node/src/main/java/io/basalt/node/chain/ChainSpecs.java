/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.chain;

import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.ChainSpecParser;
import io.basalt.node.config.InvalidConfigurationException;
import java.nio.file.Path;
import java.util.Set;

/** Resolves {@code --chain}: a built-in chain id or a path to a chain spec file. */
public final class ChainSpecs {
  private static final Set<String> BUILT_IN = Set.of("dev", "local");

  private ChainSpecs() {}

  /**
   * Loads the chain spec named by {@code --chain}.
   *
   * @throws io.basalt.chainspec.InvalidChainSpecException if the file is missing or invalid
   */
  public static ChainSpec load(String chain) {
    if (BUILT_IN.contains(chain)) {
      throw new InvalidConfigurationException(
          "the built-in \""
              + chain
              + "\" chain needs the demo runtime, which is not bundled yet; "
              + "pass --chain <path to a chain spec JSON file>");
    }
    return ChainSpecParser.parse(Path.of(chain));
  }
}
