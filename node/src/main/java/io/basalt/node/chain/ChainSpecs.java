/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.chain;

import io.basalt.chainspec.BuiltInChainSpecs;
import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.ChainSpecParser;
import java.nio.file.Path;

/** Resolves {@code --chain}: a built-in chain id or a path to a chain spec file. */
public final class ChainSpecs {
  private ChainSpecs() {}

  /**
   * Loads the chain spec named by {@code --chain}.
   *
   * @throws io.basalt.chainspec.InvalidChainSpecException if the file is missing or invalid
   */
  public static ChainSpec load(String chain) {
    return BuiltInChainSpecs.load(chain).orElseGet(() -> ChainSpecParser.parse(Path.of(chain)));
  }
}
