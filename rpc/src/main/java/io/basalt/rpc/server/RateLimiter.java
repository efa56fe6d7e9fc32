/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.server;

import java.util.function.LongSupplier;

/**
 * {@code --rpc-rate-limit N}: N calls per minute per connection, with bursts of up to N. Like
 * sc-rpc-server's {@code RateLimit} middleware (governor's {@code Quota::per_minute}, GCRA), a call
 * over the limit is delayed until it fits, never refused. Substrate adds up to 50 ms of jitter to
 * the wait; Basalt does not.
 */
final class RateLimiter {
  private static final long MINUTE_NANOS = 60_000_000_000L;

  private final long interval;
  private final long burstWindow;
  private final LongSupplier nanoClock;
  private long theoreticalArrival;

  /**
   * A limiter.
   *
   * @param perMinute calls per minute, at least 1
   * @param nanoClock a monotonic clock in nanoseconds ({@link System#nanoTime} in the server)
   */
  RateLimiter(int perMinute, LongSupplier nanoClock) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("a rate limit needs at least 1 call per minute");
    }
    this.interval = MINUTE_NANOS / perMinute;
    this.burstWindow = interval * perMinute;
    this.nanoClock = nanoClock;
    this.theoreticalArrival = nanoClock.getAsLong();
  }

  /**
   * Takes {@code calls} permits and says how long to wait before running them.
   *
   * @return nanoseconds to wait, 0 to run at once
   */
  synchronized long reserve(int calls) {
    long now = nanoClock.getAsLong();
    long wait = 0;
    for (int i = 0; i < calls; i++) {
      theoreticalArrival = Math.max(theoreticalArrival, now) + interval;
      wait = Math.max(wait, theoreticalArrival - burstWindow - now);
    }
    return wait;
  }
}
