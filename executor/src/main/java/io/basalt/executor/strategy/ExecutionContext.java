/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.strategy;

/**
 * Why the node calls the runtime, which selects the execution strategy (Substrate's {@code
 * ExecutionContext}, routed as its {@code ExecutionExtensions} did): a block from initial sync, any
 * other imported block, block building, offchain workers, and everything else (RPC calls,
 * transaction validation).
 */
public enum ExecutionContext {
  /** Importing a block that arrived during initial sync ({@code --execution-syncing}). */
  SYNCING("syncing"),
  /** Importing any other block ({@code --execution-import-block}). */
  IMPORTING("import_block"),
  /** Building a block ({@code --execution-block-construction}). */
  BLOCK_CONSTRUCTION("block_construction"),
  /** Running offchain workers ({@code --execution-offchain-worker}). */
  OFFCHAIN_WORKER("offchain_worker"),
  /** RPC calls and transaction validation ({@code --execution-other}). */
  OTHER("other");

  private final String label;

  ExecutionContext(String label) {
    this.label = label;
  }

  /** The name in metrics and logs, e.g. {@code import_block}. */
  public String label() {
    return label;
  }
}
