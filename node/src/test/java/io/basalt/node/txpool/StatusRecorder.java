/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Collects a watcher's events. */
final class StatusRecorder implements Consumer<TransactionStatus> {
  private final List<TransactionStatus> events = new ArrayList<>();

  @Override
  public synchronized void accept(TransactionStatus status) {
    events.add(status);
  }

  synchronized List<TransactionStatus> events() {
    return List.copyOf(events);
  }
}
