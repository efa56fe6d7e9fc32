/* SPDX-License-Identifier: Apache-2.0 */
/**
 * What offchain workers get from the node. {@link io.basalt.node.offchain.DatabaseOffchainStorage}
 * implements the executor's {@code OffchainStorage} seam over the node database's {@code OFFCHAIN}
 * column, in Substrate's layout (PERSISTENT space under the prefix {@code storage}); block import
 * writes the {@code ext_offchain_index_*} changes to the same keys when {@code
 * --enable-offchain-indexing true} is given, so offchain workers read what the runtime indexed.
 * {@link io.basalt.node.offchain.NodeOffchainContext} implements the {@code OffchainContext} seam:
 * real HTTP, the wall clock, randomness, the node role, and submitted extrinsics queued in {@link
 * io.basalt.node.offchain.SubmittedTransactions} for the future transaction pool.
 *
 * <pre>{@code
 * OffchainStorage storage = new DatabaseOffchainStorage(kv);
 * try (NodeOffchainContext context = NodeOffchainContext.create(validator, http, submitted)) {
 *   HostServices services = Runtimes.services().withOffchain(context, storage);
 * }
 * }</pre>
 */
package io.basalt.node.offchain;
