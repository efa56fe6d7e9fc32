/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.lifecycle;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stopping a part's worker thread (the dev sealer's, the slot worker's, the GRANDPA voter's, the
 * offchain workers'): the task in progress may finish within a grace period, because it may be
 * writing to the database that closes next; after that the thread is interrupted.
 */
public final class WorkerThread {
  private WorkerThread() {}

  /** Shuts {@code thread} down, waiting up to {@code grace} for its task before interrupting it. */
  public static void stop(ExecutorService thread, Duration grace) {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
