/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.chain;

/**
 * Where a block came from (Substrate's {@code BlockOrigin}); it decides the execution context of
 * its import: a block from initial sync is executed in the {@code Syncing} context, any other in
 * {@code Importing}, as Substrate's import queue does.
 */
public enum BlockOrigin {
  /** The genesis block. */
  GENESIS,
  /** Downloaded while the node was far behind its peers. */
  NETWORK_INITIAL_SYNC,
  /** Announced by a peer once the node had caught up. */
  NETWORK_BROADCAST,
  /** Broadcast by consensus (e.g. a GRANDPA commit's target). */
  CONSENSUS_BROADCAST,
  /** Built by this node. */
  OWN,
  /** Read from a file ({@code import-blocks}). */
  FILE
}
