/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import io.basalt.node.chain.ChainEvent;

/** Hears each imported block and how long its import took (metrics). */
@FunctionalInterface
public interface ImportObserver {
  void imported(ChainEvent.BlockImported block, long nanos);
}
