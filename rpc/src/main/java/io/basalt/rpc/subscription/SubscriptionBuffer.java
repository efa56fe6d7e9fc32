/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.subscription;

import java.util.Optional;

/**
 * How many notifications a subscription may hold while its connection is full, and what happens
 * when one more comes: by default it is dropped silently after {@value
 * SubscriptionManager#BUFFER_PER_SUBSCRIPTION} (sc-rpc's {@code pipe_from_stream}); a subscription
 * with a {@code lagNotice} ends with that last notification instead, as {@code chainHead_v1_follow}
 * ends with {@code {"event":"stop"}} when the client falls behind.
 *
 * <pre>{@code
 * SubscriptionBuffer.of(512).endingWith(Map.of("event", "stop"))
 * }</pre>
 *
 * @param capacity notifications kept for the client, at least 1
 * @param lagNotice the result of a last notification sent when the buffer overflows; empty to drop
 *     the subscription without a word
 */
public record SubscriptionBuffer(int capacity, Optional<Object> lagNotice) {
  /** Substrate's default: 16 notifications, then the subscription is dropped silently. */
  public static final SubscriptionBuffer DEFAULT =
      new SubscriptionBuffer(SubscriptionManager.BUFFER_PER_SUBSCRIPTION, Optional.empty());

  public SubscriptionBuffer {
    if (capacity < 1) {
      throw new IllegalArgumentException("a subscription buffer needs room for 1: " + capacity);
    }
  }

  /** A buffer of {@code capacity} notifications, dropping the subscription silently when full. */
  public static SubscriptionBuffer of(int capacity) {
    return new SubscriptionBuffer(capacity, Optional.empty());
  }

  /** The same capacity; an overflow ends the subscription with {@code notice} as last result. */
  public SubscriptionBuffer endingWith(Object notice) {
    return new SubscriptionBuffer(capacity, Optional.of(notice));
  }
}
