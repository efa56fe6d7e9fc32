/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

/**
 * {@code system_syncState}: {@code {"startingBlock","currentBlock","highestBlock"}} as numbers.
 *
 * @param startingBlock the best block when syncing started
 * @param currentBlock the best block now
 * @param highestBlock the highest block known (the best block when there is no network)
 */
public record SyncState(long startingBlock, long currentBlock, long highestBlock) {}
