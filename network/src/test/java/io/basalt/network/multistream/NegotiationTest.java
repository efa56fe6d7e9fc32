/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.multistream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.network.frame.FrameException;
import io.basalt.network.transport.ProtocolNotSupportedException;
import io.basalt.network.transport.StreamListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NegotiationTest {
  private static ByteBuf messages(String... texts) {
    ByteBuf out = Unpooled.buffer();
    for (String text : texts) {
      MultistreamMessage.write(text, out);
    }
    return out;
  }

  /** Runs both sides until neither has anything to send; returns what each side left unread. */
  private static void exchange(Negotiation dialer, Negotiation listener) {
    ByteBuf toListener = Unpooled.buffer();
    ByteBuf toDialer = Unpooled.buffer();
    dialer.start(toListener);
    listener.start(toDialer);
    while (toListener.isReadable() || toDialer.isReadable()) {
      listener.process(toListener, toDialer);
      dialer.process(toDialer, toListener);
    }
  }

  @Test
  void bothSidesAgreeOnTheFirstProtocol() {
    Negotiation dialer = Negotiation.dialer(List.of("/noise"));
    Negotiation listener = Negotiation.listener(Set.of("/noise", "/other")::contains);
    exchange(dialer, listener);
    assertThat(dialer.protocol()).isEqualTo("/noise");
    assertThat(listener.protocol()).isEqualTo("/noise");
  }

  @Test
  void fallsBackToTheSecondProtocolAfterNa() {
    Negotiation dialer = Negotiation.dialer(List.of("/a/1", "/b/1"));
    Negotiation listener = Negotiation.listener("/b/1"::equals);
    exchange(dialer, listener);
    assertThat(dialer.protocol()).isEqualTo("/b/1");
    assertThat(listener.protocol()).isEqualTo("/b/1");
  }

  @Test
  void theDialerFailsWhenEveryProtocolIsRefused() {
    Negotiation dialer = Negotiation.dialer(List.of("/a/1", "/b/1"));
    Negotiation listener = Negotiation.listener("/c/1"::equals);
    assertThatThrownBy(() -> exchange(dialer, listener))
        .isInstanceOf(ProtocolNotSupportedException.class);
  }

  @Test
  void theListenerLeavesPipelinedDataUnread() {
    Negotiation listener = Negotiation.listener("/noise"::equals);
    ByteBuf in = messages("/multistream/1.0.0", "/noise");
    in.writeBytes(new byte[] {0, 32, 7, 7});
    ByteBuf out = Unpooled.buffer();
    assertThat(listener.process(in, out)).isTrue();
    assertThat(ByteBufUtil.getBytes(in)).containsExactly(0, 32, 7, 7);
    assertThat(ByteBufUtil.getBytes(out))
        .isEqualTo(ByteBufUtil.getBytes(messages("/multistream/1.0.0", "/noise")));
  }

  @Test
  void theDialerLeavesDataAfterTheConfirmationUnread() {
    Negotiation dialer = Negotiation.dialer(List.of("/yamux/1.0.0"));
    dialer.start(Unpooled.buffer());
    ByteBuf in = messages("/multistream/1.0.0", "/yamux/1.0.0");
    in.writeByte(42);
    assertThat(dialer.process(in, Unpooled.buffer())).isTrue();
    assertThat(in.readableBytes()).isEqualTo(1);
  }

  @Test
  void answersLsAndUnknownProtocolsWithNa() {
    Negotiation listener = Negotiation.listener("/x"::equals);
    ByteBuf out = Unpooled.buffer();
    assertThat(listener.process(messages("/multistream/1.0.0", "ls", "/y"), out)).isFalse();
    assertThat(ByteBufUtil.getBytes(out))
        .isEqualTo(ByteBufUtil.getBytes(messages("/multistream/1.0.0", "na", "na")));
  }

  @Test
  void rejectsMalformedMessages() {
    assertThatThrownBy(
            () ->
                Negotiation.listener(p -> true)
                    .process(messages("/multistream/2.0.0"), Unpooled.buffer()))
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("header");
    ByteBuf noNewline = Unpooled.wrappedBuffer(new byte[] {3, 'a', 'b', 'c'});
    assertThatThrownBy(() -> MultistreamMessage.read(noNewline))
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("newline");
    ByteBuf tooLong = Unpooled.buffer();
    io.basalt.network.frame.UnsignedVarint.write(MultistreamMessage.MAX_LENGTH + 1, tooLong);
    assertThatThrownBy(() -> MultistreamMessage.read(tooLong)).isInstanceOf(FrameException.class);
    ByteBuf notUtf8 = Unpooled.wrappedBuffer(new byte[] {2, (byte) 0xff, '\n'});
    assertThatThrownBy(() -> MultistreamMessage.read(notUtf8)).isInstanceOf(FrameException.class);
    assertThatThrownBy(
            () ->
                Negotiation.dialer(List.of("/a"))
                    .process(messages("/multistream/1.0.0", "/b"), Unpooled.buffer()))
        .isInstanceOf(FrameException.class);
  }

  @Test
  void aPartialMessageWaitsForMoreBytes() {
    ByteBuf in = messages("/multistream/1.0.0");
    ByteBuf partial = in.copy(0, 5);
    assertThat(MultistreamMessage.read(partial)).isNull();
    assertThat(partial.readerIndex()).isZero();
  }

  @Test
  void theNettyHandlerPassesPipelinedBytesToTheNextHandler() {
    ByteBuf received = Unpooled.buffer();
    EmbeddedChannel channel = new EmbeddedChannel();
    channel
        .pipeline()
        .addLast(
            "ms",
            new MultistreamHandler(
                Negotiation.listener("/noise"::equals),
                (ctx, protocol) ->
                    ctx.pipeline()
                        .addAfter(
                            ctx.name(),
                            "next",
                            new ChannelInboundHandlerAdapter() {
                              @Override
                              public void channelRead(ChannelHandlerContext c, Object msg) {
                                received.writeBytes((ByteBuf) msg);
                                ((ByteBuf) msg).release();
                              }
                            })));
    ByteBuf in = messages("/multistream/1.0.0", "/noise");
    in.writeBytes("data".getBytes(StandardCharsets.US_ASCII));
    channel.writeInbound(in);
    assertThat(received.toString(StandardCharsets.US_ASCII)).isEqualTo("data");
    assertThat(channel.pipeline().get("ms")).isNull();
    ByteBuf reply = channel.readOutbound();
    assertThat(ByteBufUtil.getBytes(reply))
        .isEqualTo(ByteBufUtil.getBytes(messages("/multistream/1.0.0", "/noise")));
    channel.finishAndReleaseAll();
  }

  @Test
  void negotiatesOnAByteStreamAndKeepsTheFollowingBytes() throws Exception {
    try (MemoryStreams streams = new MemoryStreams()) {
      CompletableFuture<NegotiatedStream> listened =
          StreamNegotiator.listen(streams.listener, "/b/1"::equals);
      CompletableFuture<NegotiatedStream> dialed =
          StreamNegotiator.dial(streams.dialer, List.of("/a/1", "/b/1"));
      NegotiatedStream dialer = dialed.get(5, TimeUnit.SECONDS);
      assertThat(dialer.protocol()).isEqualTo("/b/1");
      var unused = dialer.write(new byte[] {1, 2});
      dialer.closeWrite();
      NegotiatedStream listener = listened.get(5, TimeUnit.SECONDS);
      assertThat(listener.protocol()).isEqualTo("/b/1");
      CompletableFuture<byte[]> data = new CompletableFuture<>();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      listener.setListener(
          new StreamListener() {
            @Override
            public void onData(byte[] b) {
              bytes.write(b, 0, b.length);
            }

            @Override
            public void onRemoteClosed() {
              data.complete(bytes.toByteArray());
            }

            @Override
            public void onReset() {}
          });
      assertThat(data.get(5, TimeUnit.SECONDS)).containsExactly(1, 2);
    }
  }

  @Test
  void aByteStreamDialFailsWhenNothingIsSupported() {
    try (MemoryStreams streams = new MemoryStreams()) {
      var unused = StreamNegotiator.listen(streams.listener, "/z"::equals);
      assertThatThrownBy(
              () -> StreamNegotiator.dial(streams.dialer, List.of("/a")).get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(ProtocolNotSupportedException.class);
    }
  }
}
