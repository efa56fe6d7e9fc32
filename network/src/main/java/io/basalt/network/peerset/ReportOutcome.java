/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.peerset;

import java.time.Duration;

/**
 * What a report did to a peer.
 *
 * @param reputation the reputation after the change
 * @param banned whether the peer is now banned (below {@link Reputation#BANNED_THRESHOLD})
 * @param disconnect whether the peer must be disconnected: banned and not reserved
 * @param banDuration how long the ban lasts if nothing else is reported; zero when not banned
 */
public record ReportOutcome(
    int reputation, boolean banned, boolean disconnect, Duration banDuration) {
  /** The outcome of a change that leaves the peer in good standing. */
  public static ReportOutcome kept(int reputation) {
    return new ReportOutcome(reputation, false, false, Duration.ZERO);
  }
}
