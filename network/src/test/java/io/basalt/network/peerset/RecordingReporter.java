/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.peerset;

import io.basalt.primitives.crypto.PeerId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link PeerReporter} that keeps the reports. */
public final class RecordingReporter implements PeerReporter {
  private final List<String> reports = new CopyOnWriteArrayList<>();

  @Override
  public ReportOutcome report(PeerId peer, ReputationChange change) {
    reports.add(peer + " " + change.reason());
    return ReportOutcome.kept(change.value());
  }

  public List<String> reports() {
    return List.copyOf(reports);
  }
}
