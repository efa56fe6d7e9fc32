/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import java.util.Optional;

/**
 * A watched transaction's progress as {@code transactionWatch_v1_watchEvent} reports it
 * (json-rpc-interface-spec; sc-rpc-spec-v2's {@code TransactionEvent}). {@link #isFinal() Final}
 * events end the watch.
 */
public sealed interface TransactionEvent {

  /** Whether nothing follows this event. */
  default boolean isFinal() {
    return !(this instanceof Validated || this instanceof BestChainBlockIncluded);
  }

  /** The runtime considers the transaction valid. */
  record Validated() implements TransactionEvent {}

  /**
   * The transaction is in this block of the best chain, or (empty) no longer in any.
   *
   * @param block where, if anywhere
   */
  record BestChainBlockIncluded(Optional<TransactionBlock> block) implements TransactionEvent {}

  /** The transaction is in a finalized block. */
  record Finalized(TransactionBlock block) implements TransactionEvent {}

  /**
   * The node failed while handling the transaction (a runtime crash, for instance): {@code error}.
   */
  record Failed(String error) implements TransactionEvent {}

  /** The runtime says the transaction is invalid. */
  record Invalid(String error) implements TransactionEvent {}

  /** The node could not keep track of the transaction (pool limits, finality timeout). */
  record Dropped(String error) implements TransactionEvent {}
}
