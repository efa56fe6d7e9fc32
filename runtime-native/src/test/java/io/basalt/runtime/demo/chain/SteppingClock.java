/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock six seconds (a demo-chain slot) later at every reading, from 2025-12-01, so that blocks a
 * node stamps with it, however fast it makes them, have increasing timestamps and are never alike.
 * Thread-safe.
 */
public final class SteppingClock extends Clock {
  private final AtomicLong millis = new AtomicLong(1_764_547_200_000L);

  @Override
  public long millis() {
    return millis.addAndGet(6_000);
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
