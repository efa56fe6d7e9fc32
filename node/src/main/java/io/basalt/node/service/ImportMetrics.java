/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import io.basalt.node.chain.ChainEvent;
import io.basalt.node.importer.BlockImportResult;
import io.basalt.node.importer.ImportObserver;
import io.basalt.node.metrics.ImportFailure;
import io.basalt.node.metrics.NodeMetrics;
import java.time.Duration;

/** Reports imports to Substrate's import-queue metrics. */
final class ImportMetrics implements ImportObserver {
  private final NodeMetrics metrics;

  ImportMetrics(NodeMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void imported(ChainEvent.BlockImported block, long nanos) {
    metrics.blockImported(Duration.ofNanos(nanos));
  }

  @Override
  public void refused(BlockImportResult result) {
    metrics.blockImportFailed(
        result instanceof BlockImportResult.UnknownParent
            ? ImportFailure.UNKNOWN_PARENT
            : ImportFailure.FAILED);
  }
}
