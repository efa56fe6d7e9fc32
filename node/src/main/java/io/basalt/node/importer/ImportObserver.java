/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import io.basalt.node.chain.ChainEvent;

/** Hears each import and how long it took (metrics). */
public interface ImportObserver {
  /** A block was imported. */
  void imported(ChainEvent.BlockImported block, long nanos);

  /** A block was refused: unknown parent or invalid. */
  default void refused(BlockImportResult result) {}
}
