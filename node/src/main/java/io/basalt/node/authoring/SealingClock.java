/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import java.time.Clock;

/**
 * The time the {@link DevSealer} stamps blocks with (their timestamp inherent): the node's clock,
 * shifted by time travel (Chopsticks' {@code dev_timeTravel}). After {@link #travelTo}, the next
 * block gets exactly that time and later blocks go on from there as the clock runs. Thread-safe.
 */
public final class SealingClock {
  /**
   * A block's timestamp.
   *
   * @param unixMillis milliseconds since the Unix epoch
   * @param travelled whether it is the time of a {@link #travelTo} (then it may go back)
   */
  public record Stamp(long unixMillis, boolean travelled) {}

  private final Clock clock;
  private long offsetMillis;
  private long travelledTo;
  private boolean pending;

  public SealingClock(Clock clock) {
    this.clock = clock;
  }

  /** Makes {@code unixMillis} the next block's time; the clock runs on from there. */
  public synchronized void travelTo(long unixMillis) {
    offsetMillis = Math.subtractExact(unixMillis, clock.millis());
    travelledTo = unixMillis;
    pending = true;
  }

  /** The time for the next block. */
  public synchronized Stamp next() {
    if (pending) {
      pending = false;
      return new Stamp(travelledTo, true);
    }
    return new Stamp(clock.millis() + offsetMillis, false);
  }
}
