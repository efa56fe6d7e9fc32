/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Where a chain starts when it does not start from genesis: another node's block or a dump. */
public sealed interface ForkConfig {

  /** From genesis (the default). */
  record None() implements ForkConfig {}

  /**
   * From a block of the node at {@code url} ({@code --fork-url}), its state fetched on first use.
   *
   * @param block {@code --fork-block}: a number or a {@code 0x} hash; empty: the source's best
   *     block
   */
  record Remote(URI url, Optional<String> block) implements ForkConfig {}

  /**
   * From a {@code state_getPairs} dump ({@code --fork-state}) and the header it belongs to, in the
   * file or in {@code --fork-header}.
   */
  record Dump(Path state, Optional<Path> header) implements ForkConfig {}

  /** No fork. */
  static ForkConfig none() {
    return new None();
  }
}
