/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one subscription's tasks in the order they were given, one at a time, on virtual threads:
 * chain listeners hand their work here so that the importing thread only enqueues, while each
 * subscription's notifications keep the chain's order.
 */
final class OrderedDelivery implements Executor {
  private static final Logger LOG = LoggerFactory.getLogger("rpc");
  private static final ThreadFactory THREADS = Thread.ofVirtual().name("rpc-follow-", 0).factory();

  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    schedule();
  }

  private void schedule() {
    if (draining.compareAndSet(false, true)) {
      THREADS.newThread(this::drain).start();
    }
  }

  private void drain() {
    try {
      Runnable task;
      while ((task = tasks.poll()) != null) {
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.warn("a subscription's notification failed: {}", e.toString(), e);
        }
      }
    } finally {
      draining.set(false);
      if (!tasks.isEmpty()) {
        schedule();
      }
    }
  }
}
