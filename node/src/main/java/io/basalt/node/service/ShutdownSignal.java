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
  private final Thread hook = new Thread(this::onShutdown, "shutdown");
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile int exitCode;
  private volatile int failure;

  /** A signal without the shutdown hook: for nodes run in-process (tests); see {@link #install}. */
  ShutdownSignal() {}

  /** Installs the shutdown hook; call {@link #stopped(int)} once the node has closed everything. */
  public static ShutdownSignal install() {
    ShutdownSignal signal = new ShutdownSignal();
    Runtime.getRuntime().addShutdownHook(signal.hook);
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
   * Asks the node to stop because something failed (reported already, with exit code {@code
   * exitCode}): the node stops in order and ends with that code.
   */
  public void fail(int exitCode) {
    failure = exitCode;
    request();
  }

  /**
   * Reports that the node has released its resources (database closed) and the exit code it ends
   * with; a pending signal then ends the process with that code.
   *
   * @return the exit code to end with: a failure's ({@link #fail}), else {@code exitCode}
   */
  public int stopped(int exitCode) {
    this.exitCode = failure != 0 ? failure : exitCode;
    stopped.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook); // commands run in-process (tests) add many
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it ends the process with this exit code
    }
    return this.exitCode;
  }
}
