/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs listener calls one at a time, in the order they were queued, never under the pool's lock.
 * The pool queues them while it holds its lock (so the queue order is the order of the changes) and
 * calls {@link #deliver} after releasing it; whichever thread delivers runs what others queued
 * meanwhile, and a listener that calls back into the pool queues its events behind the current one
 * instead of deadlocking.
 */
final class EventDispatch {
  private static final Logger LOG = LoggerFactory.getLogger("txpool");

  private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean delivering = new AtomicBoolean();

  void enqueue(Runnable call) {
    pending.add(call);
  }

  void deliver() {
    while (!pending.isEmpty() && delivering.compareAndSet(false, true)) {
      try {
        Runnable call;
        while ((call = pending.poll()) != null) {
          try {
            call.run();
          } catch (RuntimeException e) {
            LOG.warn("A transaction pool listener failed: {}", e.toString(), e);
          }
        }
      } finally {
        delivering.set(false);
      }
    }
  }
}
