/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000);

  @Test
  void allowsABurstOfTheLimitThenOneCallPerInterval() {
    RateLimiter limiter = new RateLimiter(10, now::get);
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.reserve(1)).as("call %d of the burst", i).isZero();
    }
    long interval = TimeUnit.SECONDS.toNanos(6);
    assertThat(limiter.reserve(1)).isEqualTo(interval);
    assertThat(limiter.reserve(1)).isEqualTo(2 * interval);
    now.addAndGet(2 * interval);
    assertThat(limiter.reserve(1)).as("the waits have been served").isEqualTo(interval);
  }

  @Test
  void refillsWhileIdle() {
    RateLimiter limiter = new RateLimiter(2, now::get);
    assertThat(limiter.reserve(2)).isZero();
    assertThat(limiter.reserve(1)).isEqualTo(TimeUnit.SECONDS.toNanos(30));
    now.addAndGet(TimeUnit.MINUTES.toNanos(5));
    assertThat(limiter.reserve(2)).isZero();
  }

  @Test
  void aBatchWaitsForItsLastCall() {
    RateLimiter limiter = new RateLimiter(60, now::get);
    assertThat(limiter.reserve(62)).isEqualTo(TimeUnit.SECONDS.toNanos(2));
  }

  @Test
  void needsAtLeastOneCallPerMinute() {
    assertThatThrownBy(() -> new RateLimiter(0, now::get))
        .hasMessage("a rate limit needs at least 1 call per minute");
  }
}
