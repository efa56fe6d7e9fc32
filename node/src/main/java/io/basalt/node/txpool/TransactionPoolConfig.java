/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import java.time.Duration;

/**
 * The pool's limits and timings.
 *
 * @param ready the ready queue's limits ({@code --pool-limit}, {@code --pool-kbytes})
 * @param future the future queue's limits (a tenth of the ready queue's, as sc-cli derives them)
 * @param banTime how long a banned hash is refused ({@code --tx-ban-seconds}; Substrate's default
 *     30 minutes, 0 with {@code --dev})
 * @param revalidationBatch how many transactions each new best block revalidates at most (the least
 *     recently validated first)
 */
public record TransactionPoolConfig(
    PoolLimit ready, PoolLimit future, Duration banTime, int revalidationBatch) {
  /** {@code --pool-limit}'s default. */
  public static final int DEFAULT_POOL_LIMIT = 8192;

  /** {@code --pool-kbytes}'s default (20 MiB). */
  public static final long DEFAULT_POOL_KBYTES = 20480;

  /** The ban time without {@code --tx-ban-seconds} (and without {@code --dev}). */
  public static final Duration DEFAULT_BAN_TIME = Duration.ofMinutes(30);

  /** Transactions revalidated per new best block by default. */
  public static final int DEFAULT_REVALIDATION_BATCH = 256;

  public TransactionPoolConfig {
    if (banTime.isNegative()) {
      throw new IllegalArgumentException("the ban time must not be negative, got " + banTime);
    }
    if (revalidationBatch < 0) {
      throw new IllegalArgumentException(
          "the revalidation batch must not be negative, got " + revalidationBatch);
    }
  }

  /**
   * The limits sc-cli derives from its options: the ready queue holds {@code poolLimit}
   * transactions of {@code poolKbytes} KiB in all, the future queue a tenth of each.
   */
  public static TransactionPoolConfig fromLimits(int poolLimit, long poolKbytes, Duration banTime) {
    long bytes = Math.multiplyExact(poolKbytes, 1024L);
    return new TransactionPoolConfig(
        new PoolLimit(poolLimit, bytes),
        new PoolLimit(poolLimit / 10, bytes / 10),
        banTime,
        DEFAULT_REVALIDATION_BATCH);
  }

  /** Substrate's defaults: 8192 ready / 20 MiB, 819 future / 2 MiB, 30 minutes' ban. */
  public static TransactionPoolConfig defaults() {
    return fromLimits(DEFAULT_POOL_LIMIT, DEFAULT_POOL_KBYTES, DEFAULT_BAN_TIME);
  }

  /** This config with another revalidation batch size. */
  public TransactionPoolConfig withRevalidationBatch(int batch) {
    return new TransactionPoolConfig(ready, future, banTime, batch);
  }
}
