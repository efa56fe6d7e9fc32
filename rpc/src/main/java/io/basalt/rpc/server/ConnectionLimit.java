/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.server;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code --rpc-max-connections}, counted as jsonrpsee does: an HTTP request holds a slot while it
 * is served, a WebSocket for its whole life. Past the limit the answer is HTTP 429 {@code "Too many
 * connections. Please try again later."}.
 */
final class ConnectionLimit {
  private final int max;
  private final AtomicInteger used = new AtomicInteger();

  ConnectionLimit(int max) {
    this.max = max;
  }

  boolean tryAcquire() {
    while (true) {
      int now = used.get();
      if (now >= max) {
        return false;
      }
      if (used.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  void release() {
    used.decrementAndGet();
  }

  int inUse() {
    return used.get();
  }
}
