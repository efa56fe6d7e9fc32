/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.metrics;

/**
 * Why block building stopped adding transactions: the {@code reason} label of {@code
 * substrate_proposer_end_proposal_reason}, with Substrate's values.
 */
public enum EndProposalReason {
  /** The pool had no more ready transactions. */
  NO_MORE_TRANSACTIONS("no_more_transactions"),
  /** The time budget ran out. */
  HIT_DEADLINE("hit_deadline"),
  /** The block reached its size limit. */
  HIT_BLOCK_SIZE_LIMIT("hit_block_size_limit"),
  /** The block reached its weight limit. */
  HIT_BLOCK_WEIGHT_LIMIT("hit_block_weight_limit"),
  /** The block may hold no transactions. */
  TRANSACTIONS_FORBIDDEN("transactions_forbidden");

  private final String label;

  EndProposalReason(String label) {
    this.label = label;
  }

  /** The label value, e.g. {@code hit_deadline}. */
  public String label() {
    return label;
  }
}
