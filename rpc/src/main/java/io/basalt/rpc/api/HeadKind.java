/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

/** Which heads a chain follower hears of ({@code chain_subscribe*Heads}). */
public enum HeadKind {
  /** Every imported block ({@code chain_subscribeAllHeads}). */
  ALL,
  /** Every block that becomes the best block ({@code chain_subscribeNewHeads}). */
  BEST,
  /** Every finalized block, in order, none skipped ({@code chain_subscribeFinalizedHeads}). */
  FINALIZED
}
