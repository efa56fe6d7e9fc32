/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.transport;

import io.basalt.primitives.crypto.PeerId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One end of an in-memory stream. Writes are copied and delivered on the peer's loop in order;
 * events before a listener is set are buffered and replayed to it, as {@link ByteStream} says.
 */
public final class MemorySubstream implements Substream {
  private final MemoryConnection connection;
  private final String protocol;
  MemorySubstream peer;

  // Guarded by this.
  private StreamListener listener;
  private final List<Runnable> backlog = new ArrayList<>();
  private boolean writeClosed;
  private boolean reset;

  MemorySubstream(MemoryConnection connection, String protocol) {
    this.connection = connection;
    this.protocol = protocol;
  }

  @Override
  public PeerId remotePeer() {
    return connection.remotePeer();
  }

  @Override
  public String protocol() {
    return protocol;
  }

  @Override
  public Connection connection() {
    return connection;
  }

  @Override
  public synchronized CompletableFuture<Void> write(byte[] bytes) {
    if (reset || !connection.isOpen()) {
      return CompletableFuture.failedFuture(new IllegalStateException("the stream was reset"));
    }
    if (writeClosed) {
      return CompletableFuture.failedFuture(new IllegalStateException("the stream was closed"));
    }
    byte[] copy = bytes.clone();
    peer.deliver(l -> l.onData(copy));
    return connection.written();
  }

  @Override
  public synchronized void closeWrite() {
    if (writeClosed || reset) {
      return;
    }
    writeClosed = true;
    peer.deliver(StreamListener::onRemoteClosed);
  }

  @Override
  public void reset() {
    synchronized (this) {
      if (reset) {
        return;
      }
      reset = true;
    }
    deliver(StreamListener::onReset);
    peer.resetByPeer();
  }

  private void resetByPeer() {
    synchronized (this) {
      if (reset) {
        return;
      }
      reset = true;
    }
    deliver(StreamListener::onReset);
  }

  void connectionLost() {
    resetByPeer();
  }

  @Override
  public void setListener(StreamListener listener) {
    connection
        .local()
        .run(
            () -> {
              List<Runnable> replay;
              synchronized (this) {
                this.listener = listener;
                replay = new ArrayList<>(backlog);
                backlog.clear();
              }
              replay.forEach(Runnable::run);
            });
  }

  @Override
  public synchronized boolean isOpen() {
    return !reset && connection.isOpen();
  }

  /** Queues an event for this end's listener on this end's loop. */
  private void deliver(java.util.function.Consumer<StreamListener> event) {
    connection
        .local()
        .run(
            () -> {
              StreamListener target;
              synchronized (this) {
                target = listener;
                if (target == null) {
                  backlog.add(() -> event.accept(listener));
                  return;
                }
              }
              event.accept(target);
            });
  }
}
