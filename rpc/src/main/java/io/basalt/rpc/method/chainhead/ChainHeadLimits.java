/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.chainhead;

import java.time.Duration;

/**
 * The bounds of {@code chainHead_v1_*}, with sc-rpc-spec-v2's defaults ({@code ChainHeadConfig}).
 *
 * @param maxPinnedBlocks distinct blocks pinned by all follow subscriptions together (512); when a
 *     new block would exceed it, the subscriptions pinning a block longer than {@code
 *     maxPinnedDuration} are stopped, and all of them if that frees nothing
 * @param maxPinnedDuration how long a block may stay pinned before its subscription may be stopped
 *     to make room (60 s)
 * @param maxOperations operations in progress per follow subscription (16; each storage item
 *     counts)
 * @param maxLaggingDistance a subscription starting while a leaf is more than this many blocks
 *     above the finalized block stops every follow subscription (128)
 * @param maxFollowsPerConnection follow subscriptions per connection (4)
 * @param followBuffer notifications a follow subscription keeps for a slow client before it stops
 *     with {@code {"event":"stop"}} (512)
 * @param storageItemsPerPage descendants reported before {@code operationWaitingForContinue} (5)
 */
public record ChainHeadLimits(
    int maxPinnedBlocks,
    Duration maxPinnedDuration,
    int maxOperations,
    int maxLaggingDistance,
    int maxFollowsPerConnection,
    int followBuffer,
    int storageItemsPerPage) {

  /** Substrate's limits. */
  public static final ChainHeadLimits DEFAULT =
      new ChainHeadLimits(512, Duration.ofSeconds(60), 16, 128, 4, 512, 5);

  public ChainHeadLimits {
    if (maxPinnedBlocks < 1
        || maxOperations < 1
        || maxLaggingDistance < 0
        || maxFollowsPerConnection < 1
        || followBuffer < 1
        || storageItemsPerPage < 1
        || maxPinnedDuration.isNegative()) {
      throw new IllegalArgumentException("chainHead limits must be positive: " + this);
    }
  }
}
