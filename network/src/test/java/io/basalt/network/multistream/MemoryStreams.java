/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.multistream;

import io.basalt.network.transport.ByteStream;
import io.basalt.network.transport.StreamListener;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Two connected in-memory {@link ByteStream}s whose events run on one thread, as a connection's
 * event loop would run them; events before a listener is set are kept for it.
 */
final class MemoryStreams implements AutoCloseable {
  private final ExecutorService loop = Executors.newSingleThreadExecutor();
  final End dialer = new End();
  final End listener = new End();

  MemoryStreams() {
    dialer.peer = listener;
    listener.peer = dialer;
  }

  @Override
  public void close() {
    loop.shutdownNow();
  }

  final class End implements ByteStream {
    private End peer;
    private StreamListener target;
    private final ArrayDeque<Runnable> pending = new ArrayDeque<>();
    private boolean open = true;

    private void deliver(java.util.function.Consumer<StreamListener> event) {
      loop.execute(
          () -> {
            if (target == null) {
              pending.add(() -> event.accept(target));
            } else {
              event.accept(target);
            }
          });
    }

    @Override
    public CompletableFuture<Void> write(byte[] bytes) {
      byte[] copy = bytes.clone();
      peer.deliver(l -> l.onData(copy));
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void closeWrite() {
      peer.deliver(StreamListener::onRemoteClosed);
    }

    @Override
    public void reset() {
      open = false;
      peer.open = false;
      peer.deliver(StreamListener::onReset);
    }

    @Override
    public void setListener(StreamListener listener) {
      loop.execute(
          () -> {
            target = listener;
            while (!pending.isEmpty()) {
              pending.poll().run();
            }
          });
    }

    @Override
    public boolean isOpen() {
      return open;
    }
  }
}
