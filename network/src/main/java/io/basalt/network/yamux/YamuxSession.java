/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.yamux;

import static io.basalt.network.yamux.YamuxFrame.FLAG_ACK;
import static io.basalt.network.yamux.YamuxFrame.FLAG_FIN;
import static io.basalt.network.yamux.YamuxFrame.FLAG_RST;
import static io.basalt.network.yamux.YamuxFrame.FLAG_SYN;
import static io.basalt.network.yamux.YamuxFrame.GO_AWAY_INTERNAL_ERROR;
import static io.basalt.network.yamux.YamuxFrame.GO_AWAY_NORMAL;
import static io.basalt.network.yamux.YamuxFrame.GO_AWAY_PROTOCOL_ERROR;
import static io.basalt.network.yamux.YamuxFrame.HEADER_LENGTH;
import static io.basalt.network.yamux.YamuxFrame.TYPE_DATA;
import static io.basalt.network.yamux.YamuxFrame.TYPE_GO_AWAY;
import static io.basalt.network.yamux.YamuxFrame.TYPE_PING;
import static io.basalt.network.yamux.YamuxFrame.TYPE_WINDOW_UPDATE;

import io.basalt.network.transport.ByteStream;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Yamux session as a Netty handler; inbound: plaintext ByteBufs in any chunking; outbound: frames
 * as ByteBufs.
 *
 * <p>Everything but {@link #openStream}, {@link #goAway}, {@link #streamCount} and the streams'
 * methods runs on the channel's event loop; those hand their work to it. A peer that breaks the
 * protocol gets a GoAway (protocol error), the channel is closed and a {@link YamuxException} goes
 * to {@code exceptionCaught}. When the channel closes, every open stream is reset.
 */
public final class YamuxSession extends ChannelDuplexHandler {
  private static final Logger LOG = LoggerFactory.getLogger(YamuxSession.class);
  private static final long MAX_WINDOW = 0xFFFF_FFFFL;

  private final boolean client;
  private final YamuxConfig config;
  private final Consumer<ByteStream> onInboundStream;
  private final AtomicLong nextOutboundId;
  private final AtomicInteger openStreams = new AtomicInteger();

  // Event loop only.
  private final Map<Integer, YamuxStream> streams = new HashMap<>();
  private final byte[] header = new byte[HEADER_LENGTH];
  private int headerFill;
  private byte[] payload;
  private int payloadFill;
  private YamuxStream payloadStream;
  private int payloadFlags;
  private long skipRemaining;
  private int lastInboundId;
  private boolean failed;
  private boolean flushNeeded;
  private boolean flushScheduled;
  private boolean reading;

  private volatile ChannelHandlerContext ctx;
  private volatile boolean closed;
  private volatile boolean remoteGoAway;

  /**
   * A session for one connection.
   *
   * @param client whether we dialed the connection (our streams get odd ids) or accepted it (even)
   * @param onInboundStream receives each stream the peer opens, on the event loop; it should set a
   *     listener (bytes are buffered until then)
   */
  public YamuxSession(boolean client, YamuxConfig config, Consumer<ByteStream> onInboundStream) {
    this.client = client;
    this.config = config;
    this.onInboundStream = onInboundStream;
    this.nextOutboundId = new AtomicLong(client ? 1 : 2);
  }

  /**
   * Opens an outbound stream; thread-safe; may be called from any thread once the handler was
   * added. Its SYN goes out at once; bytes written to it follow in order.
   *
   * @throws YamuxException if the session is closed or the stream limit is hit
   */
  public ByteStream openStream() {
    ChannelHandlerContext context = ctx;
    if (context == null) {
      throw new YamuxException("yamux session is not attached to a channel");
    }
    if (closed || remoteGoAway) {
      throw new YamuxException("yamux session is closed");
    }
    int count;
    do {
      count = openStreams.get();
      if (count >= config.maxStreams()) {
        throw new YamuxException(
            "yamux session reached its limit of " + config.maxStreams() + " streams");
      }
    } while (!openStreams.compareAndSet(count, count + 1));
    long id = nextOutboundId.getAndAdd(2);
    if (id > MAX_WINDOW) {
      openStreams.decrementAndGet();
      throw new YamuxException("yamux session ran out of stream ids");
    }
    YamuxStream stream = new YamuxStream(this, (int) id);
    boolean accepted =
        runOnLoop(
            () -> {
              if (closed) {
                stream.terminate(false);
                return;
              }
              streams.put(stream.id(), stream);
              writeFrame(
                  TYPE_WINDOW_UPDATE,
                  FLAG_SYN,
                  stream.id(),
                  config.receiveWindow() - YamuxConfig.INITIAL_WINDOW,
                  null);
              requestFlush();
            });
    if (!accepted) {
      openStreams.decrementAndGet();
      throw new YamuxException("yamux session is closed");
    }
    return stream;
  }

  /** Sends GoAway(normal) and closes the channel. */
  public void goAway() {
    var unused = runOnLoop(this::goAwayOnLoop);
  }

  private void goAwayOnLoop() {
    if (closed) {
      return;
    }
    closed = true;
    writeFrame(TYPE_GO_AWAY, 0, 0, GO_AWAY_NORMAL, null);
    flushNow();
    var unused = ctx.close();
  }

  /** The streams open now, both directions, including outbound ones whose SYN is not yet sent. */
  public int streamCount() {
    return openStreams.get();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    shutdown();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    shutdown();
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf buf)) {
      ctx.fireChannelRead(msg);
      return;
    }
    reading = true;
    try {
      if (!failed) {
        decode(buf);
      }
    } catch (YamuxException e) {
      fail(e, GO_AWAY_PROTOCOL_ERROR);
    } catch (RuntimeException e) {
      fail(new YamuxException("yamux session failed: " + e, e), GO_AWAY_INTERNAL_ERROR);
    } finally {
      buf.release();
      reading = false;
    }
    if (flushNeeded && !failed) {
      flushNow();
    }
  }

  // ---- decoding ----

  private void decode(ByteBuf buf) {
    while (buf.isReadable() && !failed) {
      if (payload != null) {
        int n = Math.min(buf.readableBytes(), payload.length - payloadFill);
        buf.readBytes(payload, payloadFill, n);
        payloadFill += n;
        if (payloadFill == payload.length) {
          byte[] data = payload;
          YamuxStream stream = payloadStream;
          payload = null;
          payloadStream = null;
          stream.receive(data);
          applyFlags(stream, payloadFlags);
        }
      } else if (skipRemaining > 0) {
        int n = (int) Math.min(buf.readableBytes(), skipRemaining);
        buf.skipBytes(n);
        skipRemaining -= n;
      } else if (headerFill == 0 && buf.readableBytes() >= HEADER_LENGTH) {
        int at = buf.readerIndex();
        int version = buf.getUnsignedByte(at);
        int type = buf.getUnsignedByte(at + 1);
        int flags = buf.getUnsignedShort(at + 2);
        int streamId = buf.getInt(at + 4);
        long length = buf.getUnsignedInt(at + 8);
        buf.skipBytes(HEADER_LENGTH);
        onHeader(version, type, flags, streamId, length);
      } else {
        int n = Math.min(buf.readableBytes(), HEADER_LENGTH - headerFill);
        buf.readBytes(header, headerFill, n);
        headerFill += n;
        if (headerFill == HEADER_LENGTH) {
          headerFill = 0;
          onHeader(
              header[0] & 0xff,
              header[1] & 0xff,
              ((header[2] & 0xff) << 8) | (header[3] & 0xff),
              intAt(4),
              intAt(8) & MAX_WINDOW);
        }
      }
    }
  }

  private int intAt(int offset) {
    return ((header[offset] & 0xff) << 24)
        | ((header[offset + 1] & 0xff) << 16)
        | ((header[offset + 2] & 0xff) << 8)
        | (header[offset + 3] & 0xff);
  }

  private void onHeader(int version, int type, int flags, int streamId, long length) {
    if (version != YamuxFrame.VERSION) {
      throw new YamuxException("unsupported yamux version " + version);
    }
    switch (type) {
      case TYPE_DATA -> onData(flags, streamId, length);
      case TYPE_WINDOW_UPDATE -> onWindowUpdate(flags, streamId, length);
      case TYPE_PING -> onPing(flags, streamId, length);
      case TYPE_GO_AWAY -> onGoAway(streamId, length);
      default -> throw new YamuxException("unknown yamux frame type " + type);
    }
  }

  private void onData(int flags, int streamId, long length) {
    if (length > config.receiveWindow()) {
      throw new YamuxException(
          "yamux data frame of "
              + length
              + " bytes exceeds the receive window of "
              + config.receiveWindow());
    }
    YamuxStream stream = streamFor(flags, streamId);
    if (stream == null) {
      skipRemaining = length; // a stream we reset or never knew: drop its bytes
      return;
    }
    if (length > 0) {
      stream.consumeReceiveWindow(length);
      payload = new byte[(int) length];
      payloadFill = 0;
      payloadStream = stream;
      payloadFlags = flags;
    } else {
      applyFlags(stream, flags);
    }
  }

  private void onWindowUpdate(int flags, int streamId, long delta) {
    YamuxStream stream = streamFor(flags, streamId);
    if (stream != null) {
      stream.addSendWindow(delta);
      applyFlags(stream, flags);
    }
  }

  private void onPing(int flags, int streamId, long value) {
    if (streamId != 0) {
      throw new YamuxException("yamux ping on stream " + Integer.toUnsignedString(streamId));
    }
    if ((flags & FLAG_SYN) != 0) {
      writeFrame(TYPE_PING, FLAG_ACK, 0, value, null);
    }
  }

  private void onGoAway(int streamId, long code) {
    if (streamId != 0) {
      throw new YamuxException("yamux go away on stream " + Integer.toUnsignedString(streamId));
    }
    LOG.debug("peer sent yamux go away with code {}", code);
    remoteGoAway = true;
  }

  /** The stream a data or window update frame is for, opening it on SYN; null if unknown. */
  private YamuxStream streamFor(int flags, int streamId) {
    if (streamId == 0) {
      throw new YamuxException("yamux stream frame on stream id 0");
    }
    if ((flags & FLAG_SYN) == 0) {
      YamuxStream stream = streams.get(streamId);
      if (stream != null && (flags & FLAG_ACK) != 0) {
        stream.acknowledged();
      }
      return stream;
    }
    if (isOurs(streamId)) {
      throw new YamuxException(
          "peer opened yamux stream "
              + Integer.toUnsignedString(streamId)
              + " with the "
              + (client ? "client's" : "server's")
              + " parity");
    }
    if (Integer.compareUnsigned(streamId, lastInboundId) <= 0) {
      throw new YamuxException(
          "peer reused yamux stream id "
              + Integer.toUnsignedString(streamId)
              + " (last was "
              + Integer.toUnsignedString(lastInboundId)
              + ")");
    }
    lastInboundId = streamId;
    if (openStreams.get() >= config.maxStreams()) {
      throw new YamuxException(
          "peer exceeded the limit of " + config.maxStreams() + " yamux streams");
    }
    openStreams.incrementAndGet();
    YamuxStream stream = new YamuxStream(this, streamId);
    streams.put(streamId, stream);
    writeFrame(
        TYPE_WINDOW_UPDATE,
        FLAG_ACK,
        streamId,
        config.receiveWindow() - YamuxConfig.INITIAL_WINDOW,
        null);
    try {
      onInboundStream.accept(stream);
    } catch (RuntimeException e) {
      LOG.warn("inbound yamux stream handler failed, resetting the stream", e);
      stream.resetOnLoop();
      return null;
    }
    return stream.isTerminated() ? null : stream;
  }

  private static void applyFlags(YamuxStream stream, int flags) {
    if ((flags & FLAG_RST) != 0) {
      stream.terminate(true);
    } else if ((flags & FLAG_FIN) != 0) {
      stream.remoteFinished();
    }
  }

  private boolean isOurs(int streamId) {
    return ((streamId & 1) == 1) == client;
  }

  // ---- for streams, on the event loop ----

  YamuxConfig config() {
    return config;
  }

  boolean isClosed() {
    return closed;
  }

  /** Runs {@code task} on the event loop (inline if already there); false if it cannot run. */
  boolean runOnLoop(Runnable task) {
    ChannelHandlerContext context = ctx;
    if (context == null) {
      return false;
    }
    if (context.executor().inEventLoop()) {
      task.run();
      return true;
    }
    try {
      context.executor().execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /**
   * Writes a frame without flushing; {@code payload} (owned by this call) may be null. The header
   * and the payload go as two messages: a composite of both would be merged into a copy when Netty
   * moves it to a direct buffer, and the Noise handler encrypts whatever it is handed.
   */
  void writeFrame(int type, int flags, int streamId, long length, ByteBuf payload) {
    ChannelHandlerContext context = ctx;
    if (!context.channel().isActive()) {
      if (payload != null) {
        payload.release();
      }
      return;
    }
    var unusedHeader =
        context.write(
            YamuxFrame.header(context.alloc(), type, flags, streamId, length),
            context.voidPromise());
    if (payload != null) {
      var unusedPayload = context.write(payload, context.voidPromise());
    }
    flushNeeded = true;
  }

  /** Flushes soon, once for all frames written until then. */
  void requestFlush() {
    if (!flushNeeded || flushScheduled || reading) {
      return; // channelRead flushes when it returns
    }
    flushScheduled = true;
    ctx.executor()
        .execute(
            () -> {
              flushScheduled = false;
              if (flushNeeded) {
                flushNow();
              }
            });
  }

  private void flushNow() {
    flushNeeded = false;
    ctx.flush();
  }

  /** Forgets a stream that is over; called once per stream. */
  void released(YamuxStream stream) {
    streams.remove(stream.id(), stream);
    openStreams.decrementAndGet();
  }

  // ---- failure and shutdown ----

  private void fail(YamuxException e, int code) {
    if (failed) {
      return;
    }
    failed = true;
    closed = true;
    payload = null;
    payloadStream = null;
    LOG.debug("yamux protocol error: {}", e.getMessage());
    try {
      writeFrame(TYPE_GO_AWAY, 0, 0, code, null);
      flushNow();
    } catch (RuntimeException ignored) {
      // the channel is going away anyway
    }
    var unused = ctx.close();
    ctx.fireExceptionCaught(e);
  }

  private void shutdown() {
    closed = true;
    if (streams.isEmpty()) {
      return;
    }
    for (YamuxStream stream : new ArrayList<>(streams.values())) {
      stream.terminate(true);
    }
  }
}
