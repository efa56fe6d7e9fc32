/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Offchain workers: {@link io.basalt.node.offchain.OffchainWorkers} runs the runtime's {@code
 * OffchainWorkerApi_offchain_worker} after each new best block ({@code --offchain-worker}, {@link
 * io.basalt.node.offchain.OffchainWorkerPolicy}) with the offchain database (the chain's {@code
 * DatabaseOffchainStorage}, which block import also fills with {@code --enable-offchain-indexing})
 * and {@link io.basalt.node.offchain.NodeOffchainContext}: real HTTP, the wall clock, randomness,
 * the node role, and submitted extrinsics, queued in {@link
 * io.basalt.node.offchain.SubmittedTransactions} for the transaction pool.
 *
 * <pre>{@code
 * OffchainWorkers workers = new OffchainWorkers(chain, runtimes, services,
 *     db.offchainStorage(), authority, xt -> pool.submit(TransactionSource.LOCAL, xt));
 * chain.addListener(workers);
 * }</pre>
 */
package io.basalt.node.offchain;
