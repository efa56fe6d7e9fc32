/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.yamux;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.network.transport.ByteStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** One session in an {@link EmbeddedChannel}, fed hand-made frames. */
class YamuxProtocolTest {
  static final int DATA = 0;
  static final int WINDOW_UPDATE = 1;
  static final int PING = 2;
  static final int GO_AWAY = 3;
  static final int SYN = 1;
  static final int ACK = 2;
  static final int FIN = 4;
  static final int RST = 8;

  /** A decoded outbound frame. */
  record Frame(int version, int type, int flags, int streamId, long length, int payloadLength) {}

  /** Records what reaches the end of the pipeline. */
  static final class Errors extends ChannelInboundHandlerAdapter {
    final List<Throwable> caught = new ArrayList<>();

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      caught.add(cause);
    }
  }

  private final List<ByteStream> inbound = new ArrayList<>();
  private final Errors errors = new Errors();

  private EmbeddedChannel channel(boolean client, YamuxConfig config) {
    EmbeddedChannel channel = new EmbeddedChannel();
    channel.pipeline().addLast(new YamuxSession(client, config, inbound::add), errors);
    return channel;
  }

  private EmbeddedChannel server() {
    return channel(false, YamuxConfig.defaults());
  }

  static ByteBuf frame(int version, int type, int flags, int streamId, long length, byte[] body) {
    ByteBuf buf = Unpooled.buffer(12 + body.length);
    buf.writeByte(version).writeByte(type).writeShort(flags).writeInt(streamId);
    buf.writeInt((int) length).writeBytes(body);
    return buf;
  }

  static ByteBuf frame(int type, int flags, int streamId, long length) {
    return frame(0, type, flags, streamId, length, new byte[0]);
  }

  static ByteBuf data(int flags, int streamId, byte[] body) {
    return frame(0, DATA, flags, streamId, body.length, body);
  }

  private static List<Frame> outbound(EmbeddedChannel channel) {
    channel.runPendingTasks();
    List<Frame> frames = new ArrayList<>();
    ByteBuf all = Unpooled.buffer();
    for (Object message = channel.readOutbound();
        message != null;
        message = channel.readOutbound()) {
      ByteBuf buf = (ByteBuf) message;
      all.writeBytes(buf);
      buf.release();
    }
    while (all.isReadable()) {
      int version = all.readUnsignedByte();
      int type = all.readUnsignedByte();
      int flags = all.readUnsignedShort();
      int id = all.readInt();
      long length = all.readUnsignedInt();
      int payload = type == DATA ? (int) length : 0;
      all.skipBytes(payload);
      frames.add(new Frame(version, type, flags, id, length, payload));
    }
    all.release();
    return frames;
  }

  private void assertProtocolError(EmbeddedChannel channel, String message) {
    assertThat(errors.caught).hasSize(1);
    assertThat(errors.caught.get(0))
        .isInstanceOf(YamuxException.class)
        .hasMessageContaining(message);
    assertThat(channel.isActive()).isFalse();
    List<Frame> frames = outbound(channel);
    assertThat(frames).isNotEmpty();
    assertThat(frames.get(frames.size() - 1)).isEqualTo(new Frame(0, GO_AWAY, 0, 0, 1, 0));
  }

  @Test
  void shouldAnswerAPingWithTheSameValue() {
    EmbeddedChannel channel = server();
    channel.writeInbound(frame(PING, SYN, 0, 0xDEADBEEFL));
    assertThat(outbound(channel)).containsExactly(new Frame(0, PING, ACK, 0, 0xDEADBEEFL, 0));
    channel.writeInbound(frame(PING, ACK, 0, 5));
    assertThat(outbound(channel)).isEmpty();
    assertThat(errors.caught).isEmpty();
  }

  @Test
  void shouldAcceptAStreamFedOneByteAtATime() {
    EmbeddedChannel channel = server();
    ByteBuf bytes = Unpooled.buffer();
    bytes.writeBytes(data(SYN, 1, "hel".getBytes(StandardCharsets.UTF_8)));
    bytes.writeBytes(data(FIN, 1, "lo".getBytes(StandardCharsets.UTF_8)));
    while (bytes.isReadable()) {
      channel.writeInbound(bytes.readRetainedSlice(1));
    }
    bytes.release();

    assertThat(inbound).hasSize(1);
    RecordingListener listener = new RecordingListener();
    inbound.get(0).setListener(listener);
    assertThat(listener.remoteClosed.join()).asString(StandardCharsets.UTF_8).isEqualTo("hello");
    assertThat(outbound(channel)).containsExactly(new Frame(0, WINDOW_UPDATE, ACK, 1, 0, 0));
    assertThat(errors.caught).isEmpty();
  }

  @Test
  void shouldOpenWithSynAndAnnounceALargerWindow() {
    EmbeddedChannel channel = channel(true, new YamuxConfig(8, 1024 * 1024, 1024));
    YamuxSession session = channel.pipeline().get(YamuxSession.class);
    session.openStream();
    session.openStream();
    assertThat(outbound(channel))
        .containsExactly(
            new Frame(0, WINDOW_UPDATE, SYN, 1, 768 * 1024, 0),
            new Frame(0, WINDOW_UPDATE, SYN, 3, 768 * 1024, 0));
    assertThat(session.streamCount()).isEqualTo(2);
  }

  @Test
  void shouldSplitWritesByThePeersWindow() {
    EmbeddedChannel channel = channel(true, YamuxConfig.defaults());
    ByteStream stream = channel.pipeline().get(YamuxSession.class).openStream();
    CompletableFuture<Void> written = stream.write(new byte[300_000]);
    assertThat(outbound(channel))
        .containsExactly(
            new Frame(0, WINDOW_UPDATE, SYN, 1, 0, 0),
            new Frame(0, DATA, 0, 1, 65_507, 65_507),
            new Frame(0, DATA, 0, 1, 65_507, 65_507),
            new Frame(0, DATA, 0, 1, 65_507, 65_507),
            new Frame(0, DATA, 0, 1, 65_507, 65_507),
            new Frame(0, DATA, 0, 1, 116, 116));
    assertThat(written).isNotDone();

    channel.writeInbound(frame(WINDOW_UPDATE, ACK, 1, 10_000));
    assertThat(outbound(channel)).containsExactly(new Frame(0, DATA, 0, 1, 10_000, 10_000));
    assertThat(written).isNotDone();

    channel.writeInbound(frame(WINDOW_UPDATE, 0, 1, 100_000));
    stream.closeWrite();
    assertThat(outbound(channel))
        .containsExactly(
            new Frame(0, DATA, 0, 1, 27_856, 27_856), new Frame(0, WINDOW_UPDATE, FIN, 1, 0, 0));
    assertThat(written).isCompleted();
  }

  @Test
  void shouldCreditTheWindowBackAsTheListenerConsumes() {
    EmbeddedChannel channel = server();
    channel.writeInbound(frame(WINDOW_UPDATE, SYN, 1, 0));
    RecordingListener listener = new RecordingListener();
    inbound.get(0).setListener(listener);
    channel.writeInbound(data(0, 1, new byte[100_000]));
    channel.writeInbound(data(0, 1, new byte[100_000]));
    channel.writeInbound(data(0, 1, new byte[62_144]));
    // The whole initial window was used; a grant came back after half of it.
    assertThat(outbound(channel))
        .containsExactly(
            new Frame(0, WINDOW_UPDATE, ACK, 1, 0, 0),
            new Frame(0, WINDOW_UPDATE, 0, 1, 200_000, 0));
    channel.writeInbound(data(0, 1, new byte[200_000]));
    assertThat(errors.caught).isEmpty();
    assertThat(listener.received()).hasSize(462_144);
  }

  @Test
  void shouldIgnoreFramesForStreamsItNoLongerKnows() {
    EmbeddedChannel channel = server();
    channel.writeInbound(data(0, 9, new byte[1000]));
    channel.writeInbound(frame(WINDOW_UPDATE, 0, 9, 5));
    channel.writeInbound(frame(DATA, RST, 9, 0));
    assertThat(errors.caught).isEmpty();
    assertThat(channel.isActive()).isTrue();
  }

  @Test
  void shouldResetStreamsWhenTheChannelCloses() {
    EmbeddedChannel channel = server();
    channel.writeInbound(data(SYN, 1, new byte[] {4}));
    RecordingListener listener = new RecordingListener();
    inbound.get(0).setListener(listener);
    CompletableFuture<Void> write = inbound.get(0).write(new byte[] {5});
    var unused = channel.close();
    assertThat(listener.reset.join()).containsExactly(4);
    assertThat(write).isCompleted();
    assertThat(inbound.get(0).write(new byte[] {6})).isCompletedExceptionally();
  }

  @Test
  void shouldRejectAnUnknownVersion() {
    EmbeddedChannel channel = server();
    channel.writeInbound(frame(1, PING, SYN, 0, 1, new byte[0]));
    assertProtocolError(channel, "unsupported yamux version 1");
  }

  @Test
  void shouldRejectAnUnknownFrameType() {
    EmbeddedChannel channel = server();
    channel.writeInbound(frame(4, 0, 0, 0));
    assertProtocolError(channel, "unknown yamux frame type 4");
  }

  @Test
  void shouldRejectAStreamOpenedWithOurParity() {
    EmbeddedChannel channel = server();
    channel.writeInbound(frame(WINDOW_UPDATE, SYN, 2, 0));
    assertProtocolError(channel, "parity");
  }

  @Test
  void shouldRejectAStreamIdUsedTwice() {
    EmbeddedChannel channel = server();
    channel.writeInbound(frame(WINDOW_UPDATE, SYN, 3, 0));
    channel.writeInbound(frame(WINDOW_UPDATE, SYN, 3, 0));
    assertProtocolError(channel, "reused yamux stream id 3");
  }

  @Test
  void shouldRejectStreamFramesOnStreamZero() {
    EmbeddedChannel channel = server();
    channel.writeInbound(frame(DATA, 0, 0, 0));
    assertProtocolError(channel, "stream id 0");
  }

  @Test
  void shouldRejectAFrameLongerThanTheWindow() {
    EmbeddedChannel channel = server();
    channel.writeInbound(frame(DATA, SYN, 1, 262_145));
    assertProtocolError(channel, "exceeds the receive window");
  }

  @Test
  void shouldRejectDataBeyondTheStreamsWindow() {
    EmbeddedChannel channel = server();
    // No listener: nothing is consumed, so nothing is credited back.
    channel.writeInbound(data(SYN, 1, new byte[200_000]));
    channel.writeInbound(data(0, 1, new byte[100_000]));
    assertProtocolError(channel, "beyond its receive window");
  }

  @Test
  void shouldRejectDataAfterFin() {
    EmbeddedChannel channel = server();
    channel.writeInbound(data(SYN | FIN, 1, new byte[] {1}));
    channel.writeInbound(data(0, 1, new byte[] {2}));
    assertProtocolError(channel, "after closing it");
  }

  @Test
  void shouldRejectTooManyStreams() {
    EmbeddedChannel channel = channel(false, new YamuxConfig(2, YamuxConfig.INITIAL_WINDOW, 1024));
    channel.writeInbound(frame(WINDOW_UPDATE, SYN, 1, 0));
    channel.writeInbound(frame(WINDOW_UPDATE, SYN, 3, 0));
    assertThat(errors.caught).isEmpty();
    channel.writeInbound(frame(WINDOW_UPDATE, SYN, 5, 0));
    assertProtocolError(channel, "limit of 2 yamux streams");
    assertThat(inbound).hasSize(2).noneMatch(ByteStream::isOpen);
  }

  @Test
  void shouldRejectAWindowBeyondFourGibibytes() {
    EmbeddedChannel channel = server();
    channel.writeInbound(frame(WINDOW_UPDATE, SYN, 1, 0xFFFF_FFFFL));
    assertProtocolError(channel, "beyond 2^32 - 1");
  }

  @Test
  void shouldRejectAPingOnAStream() {
    EmbeddedChannel channel = server();
    channel.writeInbound(frame(PING, SYN, 1, 0));
    assertProtocolError(channel, "ping on stream 1");
  }

  @Test
  void shouldStopOpeningStreamsAfterThePeersGoAway() {
    EmbeddedChannel channel = channel(true, YamuxConfig.defaults());
    YamuxSession session = channel.pipeline().get(YamuxSession.class);
    channel.writeInbound(frame(GO_AWAY, 0, 0, 0));
    org.assertj.core.api.Assertions.assertThatThrownBy(session::openStream)
        .isInstanceOf(YamuxException.class);
    assertThat(errors.caught).isEmpty();
  }

  @Test
  void shouldSendGoAwayAndCloseOnRequest() {
    EmbeddedChannel channel = channel(true, YamuxConfig.defaults());
    channel.pipeline().get(YamuxSession.class).goAway();
    assertThat(outbound(channel)).containsExactly(new Frame(0, GO_AWAY, 0, 0, 0, 0));
    assertThat(channel.isActive()).isFalse();
  }
}
