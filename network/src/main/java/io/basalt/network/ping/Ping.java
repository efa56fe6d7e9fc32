/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.ping;

import io.basalt.network.frame.FrameException;
import io.basalt.network.transport.Connection;
import io.basalt.network.transport.StreamListener;
import io.basalt.network.transport.Substream;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * libp2p ping: {@link #serve} echoes every 32-byte payload on an inbound stream until the peer
 * closes it; {@link #ping} sends one payload on a new stream and measures the round trip.
 */
public final class Ping {
  /** The protocol name. */
  public static final String PROTOCOL = "/ipfs/ping/1.0.0";

  /** The size of a ping payload. */
  public static final int PAYLOAD_LENGTH = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ping() {}

  /** Answers pings on an inbound {@code /ipfs/ping/1.0.0} stream. */
  public static void serve(Substream stream) {
    stream.setListener(
        new StreamListener() {
          private final byte[] pending = new byte[PAYLOAD_LENGTH];
          private int filled;

          @Override
          public void onData(byte[] bytes) {
            int offset = 0;
            while (offset < bytes.length) {
              int n = Math.min(PAYLOAD_LENGTH - filled, bytes.length - offset);
              System.arraycopy(bytes, offset, pending, filled, n);
              filled += n;
              offset += n;
              if (filled == PAYLOAD_LENGTH) {
                var unused = stream.write(pending.clone());
                filled = 0;
              }
            }
          }

          @Override
          public void onRemoteClosed() {
            stream.closeWrite();
          }

          @Override
          public void onReset() {}
        });
  }

  /**
   * Pings the peer of {@code connection} once on a new stream. The future fails with {@link
   * FrameException} when the echo differs or the stream ends before it.
   */
  public static CompletableFuture<Duration> ping(Connection connection) {
    return connection.openSubstream(List.of(PROTOCOL)).thenCompose(Ping::ping);
  }

  /** Sends one ping on an already negotiated stream and closes our side once it is answered. */
  public static CompletableFuture<Duration> ping(Substream stream) {
    byte[] payload = new byte[PAYLOAD_LENGTH];
    RANDOM.nextBytes(payload);
    CompletableFuture<Duration> result = new CompletableFuture<>();
    ByteArrayOutputStream echo = new ByteArrayOutputStream(PAYLOAD_LENGTH);
    long start = System.nanoTime();
    stream.setListener(
        new StreamListener() {
          @Override
          public void onData(byte[] bytes) {
            echo.write(bytes, 0, bytes.length);
            if (echo.size() < PAYLOAD_LENGTH || result.isDone()) {
              return;
            }
            Duration rtt = Duration.ofNanos(System.nanoTime() - start);
            stream.closeWrite();
            if (Arrays.equals(Arrays.copyOf(echo.toByteArray(), PAYLOAD_LENGTH), payload)) {
              result.complete(rtt);
            } else {
              result.completeExceptionally(new FrameException("the ping echo differs"));
            }
          }

          @Override
          public void onRemoteClosed() {
            result.completeExceptionally(new FrameException("the peer closed the ping stream"));
          }

          @Override
          public void onReset() {
            result.completeExceptionally(new FrameException("the ping stream was reset"));
          }
        });
    var unused =
        stream
            .write(payload)
            .whenComplete(
                (ok, error) -> {
                  if (error != null) {
                    result.completeExceptionally(error);
                  }
                });
    return result;
  }
}
