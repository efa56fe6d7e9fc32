/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.multistream;

import io.basalt.network.transport.ByteStream;
import io.basalt.network.transport.StreamListener;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link ByteStream} after multistream-select: writes go to the underlying stream, and reads
 * start with the bytes that followed the negotiation. Events that arrive before a listener is set
 * are kept and replayed to it in order.
 */
public final class NegotiatedStream implements ByteStream {
  private final ByteStream stream;
  private final String protocol;
  private final ArrayDeque<Object> pending = new ArrayDeque<>();
  private StreamListener listener;

  private enum Signal {
    REMOTE_CLOSED,
    RESET
  }

  NegotiatedStream(ByteStream stream, String protocol) {
    this.stream = stream;
    this.protocol = protocol;
  }

  /** The negotiated protocol. */
  public String protocol() {
    return protocol;
  }

  @Override
  public CompletableFuture<Void> write(byte[] bytes) {
    return stream.write(bytes);
  }

  @Override
  public void closeWrite() {
    stream.closeWrite();
  }

  @Override
  public void reset() {
    stream.reset();
  }

  @Override
  public boolean isOpen() {
    return stream.isOpen();
  }

  @Override
  public void setListener(StreamListener listener) {
    synchronized (pending) {
      this.listener = listener;
      while (!pending.isEmpty()) {
        deliver(listener, pending.poll());
      }
    }
  }

  /** Takes an event of the underlying stream. */
  void accept(Object event) {
    synchronized (pending) {
      if (listener == null) {
        pending.add(event);
      } else {
        deliver(listener, event);
      }
    }
  }

  StreamListener relay() {
    return new StreamListener() {
      @Override
      public void onData(byte[] bytes) {
        accept(bytes);
      }

      @Override
      public void onRemoteClosed() {
        accept(Signal.REMOTE_CLOSED);
      }

      @Override
      public void onReset() {
        accept(Signal.RESET);
      }
    };
  }

  private static void deliver(StreamListener listener, Object event) {
    switch (event) {
      case Signal.REMOTE_CLOSED -> listener.onRemoteClosed();
      case Signal.RESET -> listener.onReset();
      case byte[] bytes -> listener.onData(bytes);
      default -> throw new IllegalStateException("unknown stream event " + event);
    }
  }
}
