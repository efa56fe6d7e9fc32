/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.chainhead;

import io.basalt.primitives.bytes.Hash256;
import io.basalt.rpc.subscription.SubscriptionManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Every follow subscription of the server, with the limits that span them (sc-rpc-spec-v2's {@code
 * SubscriptionManagement}): follow subscriptions per connection, and the blocks pinned by all of
 * them together. Its monitor also guards the state of each {@link Follow}.
 */
final class FollowRegistry {
  private final ChainHeadLimits limits;
  private final LongSupplier nanoTime;
  private final Map<Key, Follow> follows = new HashMap<>();
  private final Map<SubscriptionManager, Integer> perConnection = new HashMap<>();
  private final Map<Hash256, Integer> pinned = new HashMap<>();

  FollowRegistry(ChainHeadLimits limits, LongSupplier nanoTime) {
    this.limits = limits;
    this.nanoTime = nanoTime;
  }

  ChainHeadLimits limits() {
    return limits;
  }

  long now() {
    return nanoTime.getAsLong();
  }

  /**
   * Adds a subscription.
   *
   * @throws io.basalt.rpc.dispatch.RpcException -32800 if its connection has the maximum already
   */
  synchronized void add(Follow follow) {
    int open = perConnection.getOrDefault(follow.connection(), 0);
    if (open >= limits.maxFollowsPerConnection()) {
      throw ChainHeadErrors.reachedLimits();
    }
    perConnection.put(follow.connection(), open + 1);
    follows.put(new Key(follow.connection(), follow.id()), follow);
  }

  /**
   * The live subscription with this id opened on this connection; empty if there is none, it
   * stopped, or it belongs to another connection.
   */
  synchronized Optional<Follow> find(String id, Optional<SubscriptionManager> connection) {
    return connection.map(c -> follows.get(new Key(c, id)));
  }

  /**
   * Counts a block pinned by one more subscription, making room first if it is new and the limit is
   * reached.
   *
   * @return false if {@code follow} itself was stopped to make room
   */
  synchronized boolean pin(Follow follow, Hash256 block) {
    if (!pinned.containsKey(block) && pinned.size() >= limits.maxPinnedBlocks()) {
      makeRoom();
      if (follow.isStopped()) {
        return false;
      }
    }
    pinned.merge(block, 1, Integer::sum);
    return true;
  }

  /** Counts a block unpinned by one subscription. */
  synchronized void unpin(Hash256 block) {
    pinned.computeIfPresent(block, (hash, count) -> count == 1 ? null : count - 1);
  }

  /** How many distinct blocks are pinned. */
  synchronized int pinnedBlocks() {
    return pinned.size();
  }

  /** Forgets a subscription that ended (idempotent). */
  synchronized void remove(Follow follow) {
    if (follows.remove(new Key(follow.connection(), follow.id()), follow)) {
      perConnection.computeIfPresent(follow.connection(), (c, n) -> n == 1 ? null : n - 1);
    }
  }

  /** Stops every subscription (a leaf too far above the finalized block). */
  synchronized void stopAll() {
    for (Follow follow : new ArrayList<>(follows.values())) {
      follow.stop();
    }
  }

  /** Subscription ids are unique per connection only. */
  private record Key(SubscriptionManager connection, String id) {}

  /**
   * Stops the subscriptions that pinned a block longer ago than the limit allows; if that frees
   * nothing, stops them all, as Substrate does ({@code ensure_block_space}).
   */
  private void makeRoom() {
    long now = now();
    List<Follow> stale = new ArrayList<>();
    for (Follow follow : follows.values()) {
      if (now - follow.oldestPin(now) > limits.maxPinnedDuration().toNanos()) {
        stale.add(follow);
      }
    }
    stale.forEach(Follow::stop);
    if (pinned.size() >= limits.maxPinnedBlocks()) {
      new ArrayList<>(follows.values()).forEach(Follow::stop);
    }
  }
}
