/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.golden;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.rpc.api.TransactionApi;
import io.basalt.rpc.api.TransactionEvent;
import io.basalt.rpc.dispatch.RpcException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A pool the test drives: an empty transaction has an invalid format ({@code 1001}); one starting
 * with {@code 0xff} is refused at once ({@code invalid}); any other is validated and then hears
 * what the test {@link #publish}es. Broadcasts are recorded; the test ends them.
 */
public final class FakeTransactionApi implements TransactionApi {
  public final List<Consumer<TransactionEvent>> watchers = new CopyOnWriteArrayList<>();
  public final AtomicInteger closedWatches = new AtomicInteger();
  public final List<Runnable> broadcastsDone = new CopyOnWriteArrayList<>();
  public final AtomicInteger stoppedBroadcasts = new AtomicInteger();

  @Override
  public AutoCloseable submitAndWatch(Bytes transaction, Consumer<TransactionEvent> listener) {
    if (transaction.isEmpty()) {
      throw new RpcException(1001, "Extrinsic has invalid format: no length prefix", null);
    }
    if (transaction.get(0) == (byte) 0xff) {
      listener.accept(new TransactionEvent.Invalid("Invalid transaction: Transaction is outdated"));
      return () -> {};
    }
    listener.accept(new TransactionEvent.Validated());
    watchers.add(listener);
    return () -> {
      watchers.remove(listener);
      closedWatches.incrementAndGet();
    };
  }

  @Override
  public AutoCloseable broadcast(Bytes transaction, Runnable onDone) {
    broadcastsDone.add(onDone);
    return stoppedBroadcasts::incrementAndGet;
  }

  /** Tells every watcher an event. */
  public void publish(TransactionEvent event) {
    watchers.forEach(w -> w.accept(event));
  }
}
