/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.storage.block.BlockRef;

/**
 * Asks the runtime whether a transaction is valid at a block: the node implements it with {@code
 * TaggedTransactionQueue_validate_transaction} on the block's state (execution context Other),
 * discarding the call's storage changes ({@link TaggedTransactionQueue} encodes and decodes).
 *
 * <p>The pool calls it without holding its lock, from RPC threads (submissions) and the import
 * thread (maintenance), possibly concurrently.
 */
@FunctionalInterface
public interface TransactionValidator {

  /**
   * Validates an extrinsic.
   *
   * @param source where the transaction comes from
   * @param extrinsic the encoded extrinsic, with its compact length prefix
   * @param at the block whose state to validate against
   * @return the runtime's answer
   * @throws RuntimeException if the runtime cannot answer (a trap, a missing API, an undecodable
   *     answer): the pool treats the transaction as invalid with the exception's message
   */
  TransactionValidity validate(TransactionSource source, Bytes extrinsic, BlockRef at);
}
