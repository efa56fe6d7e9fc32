/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.yamux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.network.transport.ByteStream;
import io.basalt.network.transport.StreamListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class YamuxSessionTest {
  private static final long WAIT = 30;

  private static byte[] await(CompletableFuture<byte[]> future) throws Exception {
    return future.get(WAIT, TimeUnit.SECONDS);
  }

  private static byte[] randomBytes(long seed, int length) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  /** Writes {@code data} in chunks of {@code chunk} bytes, each a fresh array. */
  private static void writeInChunks(ByteStream stream, byte[] data, int chunk) {
    for (int at = 0; at < data.length; at += chunk) {
      var unused = stream.write(Arrays.copyOfRange(data, at, Math.min(data.length, at + chunk)));
    }
  }

  @Test
  void shouldEchoBytesOnAStreamTheClientOpens() throws Exception {
    try (YamuxLoopback pair = YamuxLoopback.open(YamuxLoopback::echo)) {
      ByteStream stream = pair.client.openStream();
      RecordingListener listener = new RecordingListener();
      stream.setListener(listener);
      stream.write("hello yamux".getBytes(StandardCharsets.UTF_8)).get(WAIT, TimeUnit.SECONDS);
      stream.closeWrite();

      assertThat(new String(await(listener.remoteClosed), StandardCharsets.UTF_8))
          .isEqualTo("hello yamux");
      assertThat(stream.isOpen()).isTrue();
      assertThat(pair.client.streamCount()).isZero();
    }
  }

  @Test
  void shouldDeliverStreamsTheServerOpensToTheClient() throws Exception {
    try (YamuxLoopback pair = YamuxLoopback.open(null)) {
      ByteStream outbound = pair.server.openStream();
      var unused = outbound.write(new byte[] {1, 2, 3});
      outbound.closeWrite();

      ByteStream inbound = pair.clientInbound.poll(WAIT, TimeUnit.SECONDS);
      assertThat(inbound).isNotNull();
      assertThat(inbound.toString()).isEqualTo("yamux stream 2");
      RecordingListener listener = new RecordingListener();
      inbound.setListener(listener);
      assertThat(await(listener.remoteClosed)).containsExactly(1, 2, 3);
    }
  }

  @Test
  void shouldGiveClientStreamsOddIdsAndServerStreamsEvenIds() throws Exception {
    try (YamuxLoopback pair = YamuxLoopback.open(null)) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ids.add(pair.client.openStream().toString());
        ids.add(pair.server.openStream().toString());
      }
      assertThat(ids)
          .containsExactly(
              "yamux stream 1",
              "yamux stream 2",
              "yamux stream 3",
              "yamux stream 4",
              "yamux stream 5",
              "yamux stream 6");
    }
  }

  @Test
  void shouldCarryManyConcurrentStreams() throws Exception {
    try (YamuxLoopback pair = YamuxLoopback.open(YamuxLoopback::echo)) {
      int streams = 200;
      List<byte[]> sent = new ArrayList<>();
      List<RecordingListener> listeners = new ArrayList<>();
      List<ByteStream> opened = new ArrayList<>();
      for (int i = 0; i < streams; i++) {
        ByteStream stream = pair.client.openStream();
        RecordingListener listener = new RecordingListener();
        stream.setListener(listener);
        opened.add(stream);
        listeners.add(listener);
        sent.add(randomBytes(i, 1 + i * 997 % 60_000));
      }
      for (int i = 0; i < streams; i++) {
        writeInChunks(opened.get(i), sent.get(i), 4096);
        opened.get(i).closeWrite();
      }
      for (int i = 0; i < streams; i++) {
        assertThat(Arrays.equals(await(listeners.get(i).remoteClosed), sent.get(i)))
            .as("echo on stream %d", i)
            .isTrue();
      }
      assertThat(pair.client.streamCount()).isZero();
    }
  }

  @Test
  void shouldMoveTwentyMebibytesEachWayThroughWindowUpdates() throws Exception {
    YamuxConfig bigWindow = new YamuxConfig(16, 1024 * 1024, 16 * 1024 * 1024);
    try (YamuxLoopback pair =
        new YamuxLoopback(YamuxConfig.defaults(), bigWindow, YamuxLoopback::echo)) {
      byte[] data = randomBytes(42, 20 * 1024 * 1024);
      ByteStream stream = pair.client.openStream();
      RecordingListener listener = new RecordingListener();
      stream.setListener(listener);
      writeInChunks(stream, data, 100_000);
      stream.closeWrite();

      byte[] echoed = await(listener.remoteClosed);
      assertThat(echoed.length).isEqualTo(data.length);
      assertThat(Arrays.mismatch(echoed, data)).isEqualTo(-1);
    }
  }

  @Test
  void shouldKeepTheOtherDirectionOpenAfterFin() throws Exception {
    CompletableFuture<byte[]> serverReceived = new CompletableFuture<>();
    try (YamuxLoopback pair =
        YamuxLoopback.open(
            stream ->
                stream.setListener(
                    new StreamListener() {
                      private final StringBuilder got = new StringBuilder();

                      @Override
                      public void onData(byte[] bytes) {
                        got.append(new String(bytes, StandardCharsets.UTF_8));
                      }

                      @Override
                      public void onRemoteClosed() {
                        serverReceived.complete(got.toString().getBytes(StandardCharsets.UTF_8));
                        var unused = stream.write("pong".getBytes(StandardCharsets.UTF_8));
                        stream.closeWrite();
                      }

                      @Override
                      public void onReset() {}
                    }))) {
      ByteStream stream = pair.client.openStream();
      RecordingListener listener = new RecordingListener();
      stream.setListener(listener);
      var unused = stream.write("ping".getBytes(StandardCharsets.UTF_8));
      stream.closeWrite();

      assertThat(await(serverReceived)).asString(StandardCharsets.UTF_8).isEqualTo("ping");
      assertThat(await(listener.remoteClosed)).asString(StandardCharsets.UTF_8).isEqualTo("pong");
      assertThatThrownBy(() -> stream.write(new byte[] {1}).get(WAIT, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(IOException.class);
      assertThat(pair.client.streamCount()).isZero();
      assertThat(listener.reset).isNotDone();
    }
  }

  @Test
  void shouldResetBothEndsOnRst() throws Exception {
    try (YamuxLoopback pair = YamuxLoopback.open(null)) {
      ByteStream stream = pair.client.openStream();
      RecordingListener clientListener = new RecordingListener();
      stream.setListener(clientListener);
      stream.write(new byte[] {7}).get(WAIT, TimeUnit.SECONDS);
      ByteStream inbound = pair.serverInbound.poll(WAIT, TimeUnit.SECONDS);
      RecordingListener serverListener = new RecordingListener();
      inbound.setListener(serverListener);

      stream.reset();

      assertThat(await(serverListener.reset)).containsExactly(7);
      assertThat(await(clientListener.reset)).isEmpty();
      assertThat(stream.isOpen()).isFalse();
      assertThatThrownBy(() -> inbound.write(new byte[] {1}).get(WAIT, TimeUnit.SECONDS))
          .hasCauseInstanceOf(IOException.class);
      assertThat(pair.client.streamCount()).isZero();
    }
  }

  @Test
  void shouldFailPendingWritesAndResetStreamsWhenTheChannelCloses() throws Exception {
    try (YamuxLoopback pair = YamuxLoopback.open(null)) {
      ByteStream stream = pair.client.openStream();
      RecordingListener clientListener = new RecordingListener();
      stream.setListener(clientListener);
      byte[] data = randomBytes(7, 1024 * 1024);
      // The server sets no listener, so it never grants more than the initial 256 KiB.
      CompletableFuture<Void> pending = stream.write(data);
      ByteStream inbound = pair.serverInbound.poll(WAIT, TimeUnit.SECONDS);

      pair.clientChannel.close().sync();

      assertThatThrownBy(() -> pending.get(WAIT, TimeUnit.SECONDS))
          .hasCauseInstanceOf(IOException.class);
      assertThat(await(clientListener.reset)).isEmpty();
      pair.serverChannel.closeFuture().await(WAIT, TimeUnit.SECONDS);
      RecordingListener serverListener = new RecordingListener();
      inbound.setListener(serverListener);
      byte[] buffered = await(serverListener.reset);
      assertThat(buffered.length).isLessThanOrEqualTo(YamuxConfig.INITIAL_WINDOW);
      assertThat(Arrays.mismatch(buffered, Arrays.copyOf(data, buffered.length))).isEqualTo(-1);
      assertThat(pair.server.streamCount()).isZero();
      assertThatThrownBy(pair.client::openStream).isInstanceOf(YamuxException.class);
    }
  }

  @Test
  void shouldCloseTheConnectionOnGoAway() throws Exception {
    try (YamuxLoopback pair = YamuxLoopback.open(null)) {
      ByteStream stream = pair.client.openStream();
      stream.write(new byte[] {1}).get(WAIT, TimeUnit.SECONDS);
      ByteStream inbound = pair.serverInbound.poll(WAIT, TimeUnit.SECONDS);
      RecordingListener serverListener = new RecordingListener();
      inbound.setListener(serverListener);

      pair.client.goAway();

      assertThat(await(serverListener.reset)).containsExactly(1);
      assertThat(pair.serverChannel.closeFuture().await(WAIT, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(pair.client::openStream)
          .isInstanceOf(YamuxException.class)
          .hasMessage("yamux session is closed");
      assertThatThrownBy(pair.server::openStream).isInstanceOf(YamuxException.class);
    }
  }

  @Test
  void shouldResetAStreamThatBuffersTooMuchWithoutAListener() throws Exception {
    YamuxConfig smallBuffer = new YamuxConfig(16, YamuxConfig.INITIAL_WINDOW, 100_000);
    try (YamuxLoopback pair = new YamuxLoopback(YamuxConfig.defaults(), smallBuffer, null)) {
      ByteStream stream = pair.client.openStream();
      RecordingListener listener = new RecordingListener();
      stream.setListener(listener);
      writeInChunks(stream, randomBytes(3, 200_000), 10_000);

      assertThat(await(listener.reset)).isEmpty();
      ByteStream inbound = pair.serverInbound.poll(WAIT, TimeUnit.SECONDS);
      assertThat(inbound.isOpen()).isFalse();
      assertThat(pair.server.streamCount()).isZero();
    }
  }

  @Test
  void shouldRefuseStreamsBeyondTheLimitUntilOneEnds() throws Exception {
    YamuxConfig twoStreams = new YamuxConfig(2, YamuxConfig.INITIAL_WINDOW, 1024);
    try (YamuxLoopback pair = new YamuxLoopback(twoStreams, YamuxConfig.defaults(), null)) {
      ByteStream first = pair.client.openStream();
      RecordingListener listener = new RecordingListener();
      first.setListener(listener);
      pair.client.openStream();
      assertThatThrownBy(pair.client::openStream)
          .isInstanceOf(YamuxException.class)
          .hasMessageContaining("limit of 2 streams");

      first.reset();
      await(listener.reset);
      assertThat(pair.client.openStream()).isNotNull();
    }
  }

  @Test
  void shouldDeliverBufferedBytesAndCloseToALateListener() throws Exception {
    try (YamuxLoopback pair = YamuxLoopback.open(null)) {
      ByteStream stream = pair.client.openStream();
      stream.write(new byte[] {1, 2}).get(WAIT, TimeUnit.SECONDS);
      stream.write(new byte[] {3}).get(WAIT, TimeUnit.SECONDS);
      stream.closeWrite();
      ByteStream inbound = pair.serverInbound.poll(WAIT, TimeUnit.SECONDS);
      RecordingListener first = new RecordingListener();
      inbound.setListener(first);
      // Handing the stream to a second listener replays the close.
      assertThat(await(first.remoteClosed)).containsExactly(1, 2, 3);
      RecordingListener second = new RecordingListener();
      inbound.setListener(second);
      assertThat(await(second.remoteClosed)).isEmpty();
    }
  }
}
