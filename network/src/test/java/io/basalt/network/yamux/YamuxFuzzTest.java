/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.yamux;

import static io.basalt.network.yamux.YamuxProtocolTest.ACK;
import static io.basalt.network.yamux.YamuxProtocolTest.DATA;
import static io.basalt.network.yamux.YamuxProtocolTest.FIN;
import static io.basalt.network.yamux.YamuxProtocolTest.GO_AWAY;
import static io.basalt.network.yamux.YamuxProtocolTest.PING;
import static io.basalt.network.yamux.YamuxProtocolTest.RST;
import static io.basalt.network.yamux.YamuxProtocolTest.SYN;
import static io.basalt.network.yamux.YamuxProtocolTest.WINDOW_UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.network.frame.FrameException;
import io.basalt.network.transport.ByteStream;
import io.basalt.network.transport.StreamListener;
import io.basalt.testsupport.RandomCases;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random frames, and valid frame sequences with random bytes changed, fed in random chunks to a
 * session whose application side also acts at random: the only exception that may come out is a
 * {@link YamuxException}, through {@code exceptionCaught}.
 */
class YamuxFuzzTest {

  @Test
  @Timeout(180)
  void shouldOnlyEverRaiseYamuxExceptions() {
    RandomCases.forAll(1500, SplittableRandom::nextLong, YamuxFuzzTest::run);
  }

  private static void run(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    SplittableRandom app = random.split();
    boolean client = random.nextBoolean();
    YamuxConfig config =
        new YamuxConfig(
            1 + random.nextInt(6),
            YamuxConfig.INITIAL_WINDOW * (1 + random.nextInt(2)),
            1 + random.nextInt(300_000));
    YamuxProtocolTest.Errors errors = new YamuxProtocolTest.Errors();
    List<ByteStream> streams = new ArrayList<>();
    YamuxSession session =
        new YamuxSession(
            client,
            config,
            stream -> {
              streams.add(stream);
              if (app.nextInt(4) > 0) {
                stream.setListener(new RandomListener(stream, app));
              }
            });
    EmbeddedChannel channel = new EmbeddedChannel();
    channel.pipeline().addLast(session, errors);

    byte[] input = input(random, client);
    int at = 0;
    while (at < input.length && channel.isOpen()) {
      int n = 1 + random.nextInt(Math.min(input.length - at, 1 + random.nextInt(70_000)));
      channel.writeInbound(Unpooled.wrappedBuffer(input, at, n));
      at += n;
      act(app, session, streams);
      channel.runPendingTasks();
      drain(channel);
    }
    var unused = channel.close();
    channel.runPendingTasks();
    drain(channel);
    channel.checkException();

    assertThat(errors.caught).allMatch(e -> e instanceof YamuxException);
    assertThat(errors.caught).allMatch(e -> e instanceof FrameException);
    assertThat(streams).noneMatch(ByteStream::isOpen);
    assertThat(session.streamCount()).isZero();
  }

  /** The application opens, writes to, closes or resets streams. */
  private static void act(SplittableRandom app, YamuxSession session, List<ByteStream> streams) {
    switch (app.nextInt(6)) {
      case 0 -> {
        try {
          ByteStream stream = session.openStream();
          streams.add(stream);
          stream.setListener(new RandomListener(stream, app));
          var unused = stream.write(new byte[app.nextInt(300_000)]);
        } catch (YamuxException e) {
          // closed or full: fine
        }
      }
      case 1 -> {
        if (!streams.isEmpty()) {
          streams.get(app.nextInt(streams.size())).closeWrite();
        }
      }
      case 2 -> {
        if (!streams.isEmpty()) {
          streams.get(app.nextInt(streams.size())).reset();
        }
      }
      case 3 -> {
        if (!streams.isEmpty()) {
          var unused = streams.get(app.nextInt(streams.size())).write(new byte[app.nextInt(1000)]);
        }
      }
      default -> {}
    }
  }

  private static void drain(EmbeddedChannel channel) {
    for (Object message = channel.readOutbound();
        message != null;
        message = channel.readOutbound()) {
      ((ByteBuf) message).release();
    }
  }

  /** Valid frames (as the peer would send), then maybe mutated, or plain random bytes. */
  private static byte[] input(SplittableRandom random, boolean client) {
    if (random.nextInt(5) == 0) {
      return RandomCases.bytes(random, 0, 4000);
    }
    ByteBuf out = Unpooled.buffer();
    List<Integer> peerIds = new ArrayList<>();
    int nextPeerId = client ? 2 : 1;
    int frames = 1 + random.nextInt(30);
    for (int i = 0; i < frames; i++) {
      int id = peerIds.isEmpty() ? 0 : peerIds.get(random.nextInt(peerIds.size()));
      int anyId = random.nextInt(4) == 0 ? random.nextInt(12) : id;
      switch (random.nextInt(9)) {
        case 0, 1 -> {
          peerIds.add(nextPeerId);
          int type = random.nextBoolean() ? DATA : WINDOW_UPDATE;
          byte[] body = type == DATA ? new byte[random.nextInt(2000)] : new byte[0];
          long length = type == DATA ? body.length : random.nextInt(1 << 20);
          out.writeBytes(YamuxProtocolTest.frame(0, type, SYN, nextPeerId, length, body));
          nextPeerId += 2;
        }
        case 2, 3 -> {
          byte[] body = new byte[random.nextInt(3) == 0 ? random.nextInt(200_000) : 100];
          random.nextBytes(body);
          out.writeBytes(YamuxProtocolTest.data(random.nextInt(8) == 0 ? FIN : 0, anyId, body));
        }
        case 4 -> {
          int flags = random.nextBoolean() ? ACK : 0;
          out.writeBytes(
              YamuxProtocolTest.frame(WINDOW_UPDATE, flags, anyId, random.nextInt(1 << 19)));
        }
        case 5 -> out.writeBytes(YamuxProtocolTest.frame(PING, SYN, 0, random.nextInt()));
        case 6 -> out.writeBytes(YamuxProtocolTest.frame(DATA, FIN, anyId, 0));
        case 7 -> out.writeBytes(YamuxProtocolTest.frame(DATA, RST, anyId, 0));
        default -> {
          if (random.nextInt(4) == 0) {
            out.writeBytes(YamuxProtocolTest.frame(GO_AWAY, 0, 0, random.nextInt(3)));
          }
        }
      }
    }
    byte[] bytes = new byte[out.readableBytes()];
    out.readBytes(bytes);
    out.release();
    if (bytes.length > 0 && random.nextBoolean()) {
      int mutations = 1 + random.nextInt(8);
      for (int i = 0; i < mutations; i++) {
        int position =
            random.nextInt(Math.min(bytes.length, random.nextBoolean() ? 64 : bytes.length));
        bytes[position] = (byte) random.nextInt(256);
      }
    }
    return bytes;
  }

  /** Reacts to events by writing back, closing or resetting at random. */
  private record RandomListener(ByteStream stream, SplittableRandom random)
      implements StreamListener {
    @Override
    public void onData(byte[] bytes) {
      switch (random.nextInt(8)) {
        case 0 -> stream.reset();
        case 1 -> stream.closeWrite();
        case 2 -> throw new IllegalStateException("listener failure");
        case 3, 4 -> {
          var unused = stream.write(bytes);
        }
        default -> {}
      }
    }

    @Override
    public void onRemoteClosed() {
      if (random.nextBoolean()) {
        stream.closeWrite();
      }
    }

    @Override
    public void onReset() {
      var unused = stream.write(new byte[] {1});
    }
  }
}
