/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The transaction pool: Substrate's single-state pool ({@code sc-transaction-pool}'s "graph").
 * {@link io.basalt.node.txpool.TransactionPool} validates transactions through a {@link
 * io.basalt.node.txpool.TransactionValidator} (the node's {@code
 * TaggedTransactionQueue_validate_transaction} call, whose input and answer {@link
 * io.basalt.node.txpool.TaggedTransactionQueue} and {@link
 * io.basalt.node.txpool.TransactionValidity} encode), keeps them in a ready and a future queue
 * linked by {@code provides}/{@code requires} tags, hands them to the block builder in block order
 * ({@link io.basalt.node.txpool.ReadyTransactions}), streams their {@link
 * io.basalt.node.txpool.TransactionStatus} to watchers, and is kept in step with the chain by
 * {@link io.basalt.node.txpool.ChainEvent}s. Limits, ban time and defaults are Substrate's ({@link
 * io.basalt.node.txpool.TransactionPoolConfig}); errors carry Substrate's texts and author-RPC
 * codes ({@link io.basalt.node.txpool.PoolError}). The class comment of {@code TransactionPool}
 * describes the locking.
 *
 * <pre>{@code
 * TransactionPool pool = new TransactionPool(config, validator, bestBlock);
 * Submission s = pool.submit(TransactionSource.EXTERNAL, extrinsic);   // Accepted(hash) or Rejected
 * ReadyTransactions ready = pool.ready();                              // for the block builder
 * pool.maintain(ChainEvent.NewBestBlock.extending(BlockExtrinsics.of(imported)));
 * pool.maintain(new ChainEvent.Finalized(List.of(imported.hash())));
 * }</pre>
 */
package io.basalt.node.txpool;
