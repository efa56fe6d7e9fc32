/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.multistream;

import io.basalt.network.frame.FrameException;
import io.basalt.network.transport.ByteStream;
import io.basalt.network.transport.StreamListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * multistream-select on a {@link ByteStream} (a Yamux stream). The future completes with the stream
 * after negotiation; it fails with {@link
 * io.basalt.network.transport.ProtocolNotSupportedException} when the peer supports none of our
 * proposals, or with {@link FrameException} when it breaks the protocol or the stream ends first,
 * and the stream is then reset.
 */
public final class StreamNegotiator implements StreamListener {
  private final ByteStream stream;
  private final Negotiation negotiation;
  private final CompletableFuture<NegotiatedStream> result = new CompletableFuture<>();
  private final ByteBuf buffer = Unpooled.buffer();

  private StreamNegotiator(ByteStream stream, Negotiation negotiation) {
    this.stream = stream;
    this.negotiation = negotiation;
  }

  /** Proposes {@code protocols} in order on {@code stream}, which we opened. */
  public static CompletableFuture<NegotiatedStream> dial(
      ByteStream stream, List<String> protocols) {
    return run(stream, Negotiation.dialer(protocols));
  }

  /** Answers the peer's proposals on {@code stream}, which it opened. */
  public static CompletableFuture<NegotiatedStream> listen(
      ByteStream stream, Predicate<String> supported) {
    return run(stream, Negotiation.listener(supported));
  }

  private static CompletableFuture<NegotiatedStream> run(
      ByteStream stream, Negotiation negotiation) {
    StreamNegotiator negotiator = new StreamNegotiator(stream, negotiation);
    ByteBuf out = Unpooled.buffer();
    negotiation.start(out);
    negotiator.send(out);
    stream.setListener(negotiator);
    return negotiator.result;
  }

  private void send(ByteBuf out) {
    if (out.isReadable()) {
      var unused = stream.write(ByteBufUtil.getBytes(out));
    }
  }

  @Override
  public void onData(byte[] bytes) {
    if (result.isDone()) {
      return;
    }
    buffer.writeBytes(bytes);
    ByteBuf out = Unpooled.buffer();
    boolean done;
    try {
      done = negotiation.process(buffer, out);
    } catch (RuntimeException e) {
      fail(e);
      return;
    }
    send(out);
    if (done) {
      NegotiatedStream negotiated = new NegotiatedStream(stream, negotiation.protocol());
      if (buffer.isReadable()) {
        negotiated.accept(ByteBufUtil.getBytes(buffer));
      }
      buffer.release();
      stream.setListener(negotiated.relay());
      result.complete(negotiated);
    } else {
      buffer.discardReadBytes();
    }
  }

  @Override
  public void onRemoteClosed() {
    fail(new FrameException("the stream was closed during multistream-select"));
  }

  @Override
  public void onReset() {
    fail(new FrameException("the stream was reset during multistream-select"));
  }

  private void fail(RuntimeException cause) {
    if (result.completeExceptionally(cause)) {
      buffer.release();
      stream.reset();
    }
  }
}
