/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.bytes.Hash256;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Hashes the pool refuses for a while (sc-transaction-pool's {@code rotator.rs}): invalid, stale,
 * included or dropped transactions. A ban lasts at least the ban time: expired bans are cleared
 * when a block is pruned, so with a ban time of 0 a hash stays banned until the next block. When
 * more than twice {@code expectedSize} hashes are banned, the oldest bans are lifted down to {@code
 * expectedSize}. Not thread-safe: {@link TransactionPool} guards it.
 */
final class BanList {
  private static final int MIN_EXPECTED_SIZE = 2048;

  private final Duration banTime;
  private final int expectedSize;
  private final LinkedHashMap<Hash256, Instant> bannedUntil = new LinkedHashMap<>();

  /**
   * @param expectedSize how many bans are normal (the pool's total capacity; at least 2048)
   */
  BanList(Duration banTime, long expectedSize) {
    this.banTime = banTime;
    this.expectedSize = Math.clamp(expectedSize, MIN_EXPECTED_SIZE, Integer.MAX_VALUE / 2);
  }

  boolean isBanned(Hash256 hash) {
    return bannedUntil.containsKey(hash);
  }

  void ban(Instant now, Collection<Hash256> hashes) {
    Instant until = endOfBan(now);
    for (Hash256 hash : hashes) {
      bannedUntil.put(hash, until);
    }
    if (bannedUntil.size() > 2 * expectedSize) {
      Iterator<Hash256> oldest = bannedUntil.keySet().iterator();
      while (bannedUntil.size() > expectedSize) {
        oldest.next();
        oldest.remove();
      }
    }
  }

  private Instant endOfBan(Instant now) {
    try {
      return now.plus(banTime);
    } catch (DateTimeException | ArithmeticException e) {
      return Instant.MAX; // a ban longer than the calendar: for ever
    }
  }

  /** Lifts the bans of these hashes now. */
  void lift(Collection<Hash256> hashes) {
    bannedUntil.keySet().removeAll(hashes);
  }

  /** Lifts the bans that ended before {@code now}. */
  void clearTimeouts(Instant now) {
    bannedUntil.values().removeIf(until -> until.isBefore(now));
  }

  int size() {
    return bannedUntil.size();
  }
}
