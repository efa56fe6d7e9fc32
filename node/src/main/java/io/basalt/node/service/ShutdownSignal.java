/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGINT and SIGTERM into an orderly shutdown with exit code 0.
 *
 * <p>The JVM runs shutdown hooks on both signals. Ours asks the node to stop, waits until the node
 * has finished its current atomic step and closed the database ({@link #stopped()}), then halts
 * with status 0 instead of the JVM's default 130/143.
 */
public final class ShutdownSignal {
  private static final long MAX_WAIT_SECONDS = 60;

  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);

  /** Installs the shutdown hook; call {@link #stopped()} once the node has closed everything. */
  public static ShutdownSignal install() {
    ShutdownSignal signal = new ShutdownSignal();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (signal.stopped.getCount() == 0) {
                    return; // a normal exit: the node already stopped
                  }
                  signal.request();
                  try {
                    signal.stopped.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  System.err.flush();
                  Runtime.getRuntime().halt(0);
                },
                "shutdown"));
    return signal;
  }

  /** Asks the node to stop. */
  public void request() {
    requested.countDown();
  }

  public boolean isRequested() {
    return requested.getCount() == 0;
  }

  /** Waits up to the timeout; returns true once shutdown was requested. */
  public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
    return requested.await(timeout, unit);
  }

  /** Reports that the node has released its resources (database closed). */
  public void stopped() {
    stopped.countDown();
  }
}
