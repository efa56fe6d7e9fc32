/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.peerset;

import io.basalt.primitives.crypto.PeerId;

/**
 * Where protocol engines report peers that misbehaved (an oversized frame, a bad handshake): a
 * {@link PeerSet}, or a recording double in tests.
 */
@FunctionalInterface
public interface PeerReporter {
  /** Applies {@code change} to {@code peer}'s reputation and says what follows from it. */
  ReportOutcome report(PeerId peer, ReputationChange change);
}
