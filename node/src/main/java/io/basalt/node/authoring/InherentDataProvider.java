/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.RuntimeVersion;

/**
 * Adds the inherent data a runtime needs to what the caller of the {@link BlockProposer} gives
 * (timestamp, the consensus engine's slot). The node's is {@link RuntimeInherents#complete}.
 *
 * <pre>{@code
 * BlockProposer proposer = new BlockProposer(chain, runtimes, services, metrics,
 *     RuntimeInherents::complete);
 * }</pre>
 */
@FunctionalInterface
public interface InherentDataProvider {
  /**
   * The inherent data of a block on {@code parent}.
   *
   * @param runtime the runtime that builds the block (the parent's)
   * @param base the data the caller gives
   */
  InherentData provide(RuntimeVersion runtime, Header parent, InherentData base);

  /** Adds nothing: the block gets exactly the caller's data. */
  static InherentDataProvider callersOnly() {
    return (runtime, parent, base) -> base;
  }
}
