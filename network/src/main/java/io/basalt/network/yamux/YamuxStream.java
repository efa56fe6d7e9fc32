/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.yamux;

import static io.basalt.network.yamux.YamuxFrame.FLAG_FIN;
import static io.basalt.network.yamux.YamuxFrame.FLAG_RST;
import static io.basalt.network.yamux.YamuxFrame.TYPE_DATA;
import static io.basalt.network.yamux.YamuxFrame.TYPE_WINDOW_UPDATE;

import io.basalt.network.transport.ByteStream;
import io.basalt.network.transport.StreamListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Yamux stream. Its state lives on the session's event loop; the public methods hand their work
 * to it. A written array is sent without a copy, so callers must not change it afterwards.
 */
final class YamuxStream implements ByteStream {
  private static final Logger LOG = LoggerFactory.getLogger(YamuxStream.class);

  /**
   * The largest data payload we send: small enough that the receiver can deliver and credit back
   * while the rest of the window is in flight and that streams take turns on a busy connection;
   * with its 12-byte header a full frame fills one Noise message (65,535 bytes less the 16-byte
   * tag).
   */
  static final int MAX_FRAME_PAYLOAD = 65_535 - 16 - YamuxFrame.HEADER_LENGTH;

  private final YamuxSession session;
  private final int id;

  // Event loop only.
  private final ArrayDeque<PendingWrite> pendingWrites = new ArrayDeque<>();
  private final ArrayDeque<byte[]> buffered = new ArrayDeque<>();
  private long bufferedBytes;
  private StreamListener listener;
  private boolean closeNotified;
  private boolean resetNotified;
  private boolean draining;
  private long sendWindow = YamuxConfig.INITIAL_WINDOW;
  private long receiveWindow;
  private long consumed;
  private boolean remoteClosed;
  private boolean finRequested;
  private boolean finSent;
  private boolean released;

  private volatile boolean terminated;

  private record PendingWrite(ByteBuf data, CompletableFuture<Void> future) {}

  YamuxStream(YamuxSession session, int id) {
    this.session = session;
    this.id = id;
    this.receiveWindow = session.config().receiveWindow();
  }

  int id() {
    return id;
  }

  boolean isTerminated() {
    return terminated;
  }

  @Override
  public CompletableFuture<Void> write(byte[] bytes) {
    CompletableFuture<Void> future = new CompletableFuture<>();
    if (!session.runOnLoop(() -> writeOnLoop(bytes, future))) {
      future.completeExceptionally(new IOException("yamux session is closed"));
    }
    return future;
  }

  @Override
  public void closeWrite() {
    var unused =
        session.runOnLoop(
            () -> {
              if (terminated || finRequested) {
                return;
              }
              finRequested = true;
              drainWrites();
              session.requestFlush();
            });
  }

  @Override
  public void reset() {
    var unused = session.runOnLoop(this::resetOnLoop);
  }

  @Override
  public void setListener(StreamListener listener) {
    var unused =
        session.runOnLoop(
            () -> {
              this.listener = listener;
              closeNotified = false;
              resetNotified = false;
              deliverBuffered();
            });
  }

  @Override
  public boolean isOpen() {
    return !terminated && !session.isClosed();
  }

  @Override
  public String toString() {
    return "yamux stream " + Integer.toUnsignedString(id);
  }

  // ---- sending ----

  private void writeOnLoop(byte[] bytes, CompletableFuture<Void> future) {
    if (terminated) {
      future.completeExceptionally(new IOException(this + " was reset"));
      return;
    }
    if (finRequested) {
      future.completeExceptionally(new IOException(this + " is closed for writing"));
      return;
    }
    if (bytes.length == 0) {
      future.complete(null);
      return;
    }
    pendingWrites.add(new PendingWrite(Unpooled.wrappedBuffer(bytes), future));
    drainWrites();
    session.requestFlush();
  }

  /** Sends queued bytes as far as the peer's window allows, then our FIN if asked for. */
  private void drainWrites() {
    while (sendWindow > 0 && !pendingWrites.isEmpty()) {
      PendingWrite write = pendingWrites.peek();
      int n = (int) Math.min(Math.min(sendWindow, MAX_FRAME_PAYLOAD), write.data.readableBytes());
      ByteBuf chunk = write.data.readRetainedSlice(n);
      sendWindow -= n;
      session.writeFrame(TYPE_DATA, 0, id, n, chunk);
      if (!write.data.isReadable()) {
        pendingWrites.poll();
        write.data.release();
        write.future.complete(null);
      }
    }
    if (finRequested && !finSent && pendingWrites.isEmpty() && !terminated) {
      finSent = true;
      session.writeFrame(TYPE_WINDOW_UPDATE, FLAG_FIN, id, 0, null);
      releaseIfDone();
    }
  }

  /** A window update from the peer. */
  void addSendWindow(long delta) {
    if (sendWindow + delta > 0xFFFF_FFFFL) {
      throw new YamuxException("peer grew the send window of " + this + " beyond 2^32 - 1 bytes");
    }
    sendWindow += delta;
    if (!terminated) {
      drainWrites();
    }
  }

  void acknowledged() {
    LOG.trace("{} acknowledged", this);
  }

  // ---- receiving ----

  /** Accounts for a data frame's length before its payload arrives. */
  void consumeReceiveWindow(long length) {
    if (remoteClosed) {
      throw new YamuxException("peer sent data on " + this + " after closing it");
    }
    if (length > receiveWindow) {
      throw new YamuxException(
          "peer sent "
              + length
              + " bytes on "
              + this
              + " beyond its receive window of "
              + receiveWindow);
    }
    receiveWindow -= length;
  }

  /** A data frame's payload. */
  void receive(byte[] data) {
    if (terminated) {
      return;
    }
    buffered.add(data);
    bufferedBytes += data.length;
    if (listener == null && bufferedBytes > session.config().maxBufferedBytesPerStream()) {
      LOG.debug(
          "{} buffered more than {} bytes without a listener, resetting it",
          this,
          session.config().maxBufferedBytesPerStream());
      buffered.clear();
      bufferedBytes = 0;
      resetOnLoop();
      return;
    }
    deliverBuffered();
  }

  /** The peer's FIN. */
  void remoteFinished() {
    if (remoteClosed || terminated) {
      return;
    }
    remoteClosed = true;
    releaseIfDone();
    deliverBuffered();
  }

  /** Hands buffered bytes, then a close or reset, to the listener. */
  private void deliverBuffered() {
    if (draining) {
      return; // the outer call hands the rest to whichever listener is set by then
    }
    draining = true;
    try {
      while (listener != null) {
        StreamListener target = listener;
        if (!buffered.isEmpty()) {
          byte[] data = buffered.poll();
          bufferedBytes -= data.length;
          try {
            target.onData(data);
          } catch (RuntimeException e) {
            LOG.warn("listener of {} failed, resetting the stream", this, e);
            buffered.clear();
            bufferedBytes = 0;
            resetOnLoop();
            continue;
          }
          credit(data.length);
        } else if (remoteClosed && !closeNotified) {
          closeNotified = true;
          notify(target::onRemoteClosed);
        } else if (terminated && !resetNotified) {
          resetNotified = true;
          notify(target::onReset);
        } else {
          return;
        }
      }
    } finally {
      draining = false;
    }
  }

  private void notify(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException e) {
      LOG.warn("listener of {} failed", this, e);
    }
  }

  /** Gives the peer back the window of bytes the application took, half a window at a time. */
  private void credit(int length) {
    if (terminated || remoteClosed) {
      return;
    }
    consumed += length;
    if (consumed >= session.config().receiveWindow() / 2) {
      session.writeFrame(TYPE_WINDOW_UPDATE, 0, id, consumed, null);
      receiveWindow += consumed;
      consumed = 0;
      session.requestFlush();
    }
  }

  // ---- ending ----

  /** Our reset: RST to the peer, then as {@link #terminate}. */
  void resetOnLoop() {
    if (terminated) {
      return;
    }
    if (!released && !session.isClosed()) {
      session.writeFrame(TYPE_DATA, FLAG_RST, id, 0, null);
      session.requestFlush();
    }
    terminate(true);
  }

  /** The stream is over: pending writes fail, the listener hears onReset. */
  void terminate(boolean notifyListener) {
    if (terminated) {
      return;
    }
    terminated = true;
    IOException failure = new IOException(this + " was reset");
    List<PendingWrite> failed = new ArrayList<>(pendingWrites);
    pendingWrites.clear();
    release();
    for (PendingWrite write : failed) {
      write.data.release();
      write.future.completeExceptionally(failure);
    }
    if (notifyListener) {
      deliverBuffered();
    }
  }

  private void releaseIfDone() {
    if (finSent && remoteClosed) {
      release();
    }
  }

  private void release() {
    if (!released) {
      released = true;
      session.released(this);
    }
  }
}
