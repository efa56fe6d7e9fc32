/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGINT and SIGTERM into an orderly shutdown.
 *
 * <p>The JVM runs shutdown hooks on both signals. Ours asks the node to stop, waits until the node
 * has finished its current atomic step and closed the database ({@link #stopped(int)}), then halts
 * with the node's exit code (0 after an orderly stop) instead of the JVM's default 130/143. A
 * signal that arrives before {@link #install()} (while the JVM starts and parses the command line)
 * still gets the JVM's default.
 */
public final class ShutdownSignal {
  private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignal.class);
  private static final long MAX_WAIT_SECONDS = 60;

  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile int exitCode;

  /** A signal without the shutdown hook: for nodes run in-process (tests); see {@link #install}. */
  ShutdownSignal() {}

  /** Installs the shutdown hook; call {@link #stopped(int)} once the node has closed everything. */
  public static ShutdownSignal install() {
    ShutdownSignal signal = new ShutdownSignal();
    Runtime.getRuntime().addShutdownHook(new Thread(signal::onShutdown, "shutdown"));
    return signal;
  }

  private void onShutdown() {
    if (stopped.getCount() == 0) {
      return; // a normal exit: the node already stopped
    }
    LOG.debug("shutdown requested by a signal; stopping after the current step");
    request();
    try {
      stopped.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.err.flush();
    Runtime.getRuntime().halt(exitCode);
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

  /**
   * Reports that the node has released its resources (database closed) and the exit code it ends
   * with; a pending signal then ends the process with that code.
   */
  public void stopped(int exitCode) {
    this.exitCode = exitCode;
    stopped.countDown();
  }
}
