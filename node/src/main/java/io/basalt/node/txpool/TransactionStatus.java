/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.bytes.Hash256;
import java.util.List;

/**
 * A watched transaction's status events ({@code sc_transaction_pool_api::TransactionStatus}), as
 * {@code author_submitAndWatchExtrinsic} streams them: {@code "future"}, {@code "ready"}, {@code
 * {"broadcast": [peers]}}, {@code {"inBlock": hash}}, {@code {"retracted": hash}}, {@code
 * {"finalityTimeout": hash}}, {@code {"finalized": hash}}, {@code {"usurped": hash}}, {@code
 * "dropped"}, {@code "invalid"}.
 *
 * <p>Order: {@link Future}/{@link Ready} (alternating as dependencies come and go), then one way
 * out of the pool ({@link InBlock}, {@link Invalid}, {@link Usurped}, {@link Dropped}); an included
 * transaction may be {@link Retracted} and come back, and ends {@link Finalized} or {@link
 * FinalityTimeout} (512 blocks awaiting finality). {@link #isFinal() Final} events end the stream:
 * nothing follows them.
 */
public sealed interface TransactionStatus {

  /** Whether this is the last event of the stream. */
  default boolean isFinal() {
    return this instanceof Usurped
        || this instanceof Finalized
        || this instanceof FinalityTimeout
        || this instanceof Invalid
        || this instanceof Dropped;
  }

  /** In the future queue: it requires tags nothing in the pool or the chain provides yet. */
  record Future() implements TransactionStatus {}

  /** In the ready queue: it may go into the next block. */
  record Ready() implements TransactionStatus {}

  /** Gossiped to these peers (never emitted while the node has no networking). */
  record Broadcast(List<String> peers) implements TransactionStatus {
    public Broadcast {
      peers = List.copyOf(peers);
    }
  }

  /** Included in this block of the best chain. */
  record InBlock(Hash256 block) implements TransactionStatus {}

  /** The block that included it left the best chain. */
  record Retracted(Hash256 block) implements TransactionStatus {}

  /** 512 blocks have been included since this one without it being finalized. Final. */
  record FinalityTimeout(Hash256 block) implements TransactionStatus {}

  /** The block that included it is finalized. Final. */
  record Finalized(Hash256 block) implements TransactionStatus {}

  /** Replaced by the transaction with this hash, which provides the same tags. Final. */
  record Usurped(Hash256 by) implements TransactionStatus {}

  /** Dropped to keep the pool within its limits, or lost while pruning. Final. */
  record Dropped() implements TransactionStatus {}

  /** No longer valid. Final. */
  record Invalid() implements TransactionStatus {}
}
