/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when told to. */
final class ManualClock implements InstantSource {
  private volatile Instant now = Instant.parse("2024-01-01T00:00:00Z");

  @Override
  public Instant instant() {
    return now;
  }

  void advance(Duration d) {
    now = now.plus(d);
  }
}
