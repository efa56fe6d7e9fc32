/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.chain;

import io.basalt.chainspec.ChainSpec;
import io.basalt.node.config.BasePath;
import io.basalt.node.runtime.Runtimes;
import java.util.function.Consumer;

/**
 * Where a node's chain database comes from: the daemon opens (or creates) the one under its base
 * path ({@link #STANDARD}); {@code try-upgrade} opens a throw-away copy of an existing one ({@link
 * #COPY}); a fork would open one whose state comes from elsewhere. The node's parts are the same
 * whatever the database.
 */
@FunctionalInterface
public interface ChainOpener {
  /** The database under the base path, created with its genesis if needed. */
  ChainOpener STANDARD = ChainDatabase::openChain;

  /**
   * A throw-away copy of the existing database under the base path: read-only below, writes in
   * memory ({@link ChainDatabase#openChainCopy}).
   */
  ChainOpener COPY = ChainDatabase::openChainCopy;

  /**
   * Opens the chain's database, genesis in place.
   *
   * @param base the base path the database is found under
   * @param runtimes the node's runtimes (a plain spec's genesis is built with them)
   * @param onOpen told once the database is open, before genesis is committed
   */
  ChainDatabase.Opened open(
      ChainSpec spec, BasePath base, Runtimes runtimes, Consumer<ChainDatabase> onOpen);
}
