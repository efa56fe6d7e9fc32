/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.basalt.network.frame.FrameReader;
import io.basalt.network.request.RequestFailedException.Reason;
import io.basalt.network.transport.MemoryConnection;
import io.basalt.network.transport.MemoryPeer;
import io.basalt.network.transport.StreamListener;
import io.basalt.network.transport.Substream;
import io.basalt.testsupport.RandomCases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestResponseProtocolTest {
  private static final List<String> NAMES = List.of("/genesis/sync/2");

  private final SplittableRandom random = new SplittableRandom(11);
  private final MemoryPeer alice = MemoryPeer.random(random);
  private final MemoryPeer bob = MemoryPeer.random(random);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void close() {
    assertThat(alice.listenerFailures()).isEmpty();
    assertThat(bob.listenerFailures()).isEmpty();
    alice.close();
    bob.close();
    timer.shutdownNow();
  }

  private static RequestResponseConfig config(int maxResponse, Duration timeout, int concurrent) {
    return new RequestResponseConfig(NAMES, 1024, maxResponse, timeout, concurrent);
  }

  private RequestResponseProtocol client(int maxResponse, Duration timeout) {
    return new RequestResponseProtocol(config(maxResponse, timeout, 8), null, timer);
  }

  private RequestResponseProtocol server(
      Function<InboundRequest, CompletableFuture<byte[]>> handler, int concurrent) {
    RequestResponseProtocol protocol =
        new RequestResponseProtocol(
            config(1 << 20, RequestResponseConfig.DEFAULT_TIMEOUT, concurrent), handler, timer);
    NAMES.forEach(name -> bob.handle(name, protocol::accept));
    return protocol;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static CompletableFuture<byte[]> upper(InboundRequest request) {
    return CompletableFuture.completedFuture(
        bytes(text(request.payload().toArray()).toUpperCase(Locale.ROOT)));
  }

  private static byte[] await(CompletableFuture<byte[]> future) {
    try {
      return future.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError(e.getCause());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The reason {@code future} failed with; fails the test when it succeeded or hung. */
  private static Reason failure(CompletableFuture<byte[]> future) {
    try {
      future.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(RequestFailedException.class);
      return ((RequestFailedException) e.getCause()).reason();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return fail("the request succeeded");
  }

  @Test
  void shouldAnswerARequest() {
    server(RequestResponseProtocolTest::upper, 4);
    RequestResponseProtocol client = client(1024, Duration.ofSeconds(10));

    byte[] response = await(client.request(MemoryPeer.connect(alice, bob), bytes("blocks 1..4")));

    assertThat(text(response)).isEqualTo("BLOCKS 1..4");
  }

  @Test
  void shouldUseAFallbackNameAndTellTheHandlerWhichOne() {
    RequestResponseProtocol server =
        new RequestResponseProtocol(
            new RequestResponseConfig(
                List.of("/dot/sync/2"), 1024, 1024, Duration.ofSeconds(10), 4),
            request -> CompletableFuture.completedFuture(bytes(request.protocol())),
            timer);
    bob.handle("/dot/sync/2", server::accept);
    RequestResponseProtocol client =
        new RequestResponseProtocol(
            new RequestResponseConfig(
                List.of("/genesis/sync/2", "/dot/sync/2"), 1024, 1024, Duration.ofSeconds(10), 4),
            null,
            timer);

    assertThat(text(await(client.request(MemoryPeer.connect(alice, bob), bytes("x")))))
        .isEqualTo("/dot/sync/2");
  }

  @Test
  void shouldCarryAnEmptyRequestAndResponse() {
    server(request -> CompletableFuture.completedFuture(new byte[0]), 4);

    assertThat(
            await(
                client(16, Duration.ofSeconds(10))
                    .request(MemoryPeer.connect(alice, bob), new byte[0])))
        .isEmpty();
  }

  @Test
  void shouldFailWithTimeoutWhenTheResponseNeverComes() {
    server(request -> new CompletableFuture<>(), 4);
    RequestResponseProtocol client = client(1024, Duration.ofMillis(200));

    assertThat(failure(client.request(MemoryPeer.connect(alice, bob), bytes("slow"))))
        .isEqualTo(Reason.TIMEOUT);
  }

  @Test
  void shouldFailWhenTheResponseIsTooLarge() {
    server(request -> CompletableFuture.completedFuture(new byte[100]), 4);
    RequestResponseProtocol client = client(64, Duration.ofSeconds(10));

    assertThat(failure(client.request(MemoryPeer.connect(alice, bob), bytes("big"))))
        .isEqualTo(Reason.RESPONSE_TOO_LARGE);
  }

  @Test
  void shouldRefuseToSendARequestOverTheLimit() {
    RequestResponseProtocol client = client(64, Duration.ofSeconds(10));

    assertThat(failure(client.request(MemoryPeer.connect(alice, bob), new byte[1025])))
        .isEqualTo(Reason.REQUEST_TOO_LARGE);
  }

  @Test
  void shouldResetWhenTheHandlerFails() {
    server(
        request -> CompletableFuture.failedFuture(new IllegalStateException("no such block")), 4);
    RequestResponseProtocol client = client(1024, Duration.ofSeconds(10));

    assertThat(failure(client.request(MemoryPeer.connect(alice, bob), bytes("block 99"))))
        .isEqualTo(Reason.RESET);
  }

  @Test
  void shouldResetWhenTheHandlerThrows() {
    server(
        request -> {
          throw new IllegalStateException("boom");
        },
        4);

    assertThat(
            failure(
                client(1024, Duration.ofSeconds(10))
                    .request(MemoryPeer.connect(alice, bob), bytes("x"))))
        .isEqualTo(Reason.RESET);
  }

  @Test
  void shouldFailWhenThePeerDoesNotSpeakTheProtocol() {
    assertThat(
            failure(
                client(1024, Duration.ofSeconds(10))
                    .request(MemoryPeer.connect(alice, bob), bytes("x"))))
        .isEqualTo(Reason.UNSUPPORTED_PROTOCOL);
  }

  @Test
  void shouldFailAsRefusedWhenThePeerClosesWithoutAResponse() {
    bob.handle(
        NAMES.getFirst(),
        stream -> {
          stream.setListener(new Ignore());
          stream.closeWrite();
        });

    assertThat(
            failure(
                client(1024, Duration.ofSeconds(10))
                    .request(MemoryPeer.connect(alice, bob), bytes("x"))))
        .isEqualTo(Reason.REFUSED);
  }

  @Test
  void shouldServeConcurrentRequestsEachWithItsOwnResponse() {
    ScheduledExecutorService slow = Executors.newScheduledThreadPool(2);
    try {
      server(
          request -> {
            int n = Integer.parseInt(text(request.payload().toArray()));
            CompletableFuture<byte[]> out = new CompletableFuture<>();
            // Later requests answer sooner, so responses finish out of order.
            var unused =
                slow.schedule(
                    () -> out.complete(bytes("answer " + n)), 40L - n, TimeUnit.MILLISECONDS);
            return out;
          },
          32);
      RequestResponseProtocol client = client(1024, Duration.ofSeconds(10));
      MemoryConnection connection = MemoryPeer.connect(alice, bob);

      List<CompletableFuture<byte[]>> futures = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        futures.add(client.request(connection, bytes(Integer.toString(i))));
      }

      for (int i = 0; i < 20; i++) {
        assertThat(text(await(futures.get(i)))).isEqualTo("answer " + i);
      }
    } finally {
      slow.shutdownNow();
    }
  }

  @Test
  void shouldResetRequestsOverThePerPeerLimit() {
    CompletableFuture<byte[]> held = new CompletableFuture<>();
    RequestResponseProtocol server = server(request -> held, 1);
    RequestResponseProtocol client = client(1024, Duration.ofSeconds(10));
    MemoryConnection connection = MemoryPeer.connect(alice, bob);

    CompletableFuture<byte[]> first = client.request(connection, bytes("first"));
    bob.drain();
    alice.drain();
    bob.drain();
    assertThat(server.inboundInFlight(alice.id())).isEqualTo(1);
    CompletableFuture<byte[]> second = client.request(connection, bytes("second"));

    assertThat(failure(second)).isEqualTo(Reason.RESET);
    held.complete(bytes("done"));
    assertThat(text(await(first))).isEqualTo("done");
    bob.drain();
    assertThat(server.inboundInFlight(alice.id())).isZero();
  }

  @Test
  void shouldOnlyFailWithRequestFailedExceptionOnRandomResponses() {
    RandomCases.forAll(
        300,
        r -> new Object[] {RandomCases.bytes(r, 0, 80), r.nextBoolean(), r.nextInt(3)},
        c -> {
          byte[] garbage = (byte[]) c[0];
          boolean reset = (Boolean) c[1];
          int split = (Integer) c[2];
          // Sometimes a valid prefix of the right length, to reach the later checks.
          byte[] bytes = split == 0 ? garbage : withPrefix(garbage, split == 1);
          bob.handle(
              NAMES.getFirst(),
              stream -> {
                stream.setListener(new Ignore());
                int cut = bytes.length / 3;
                var unused1 = stream.write(Arrays.copyOfRange(bytes, 0, cut));
                var unused2 = stream.write(Arrays.copyOfRange(bytes, cut, bytes.length));
                if (reset) {
                  stream.reset();
                } else {
                  stream.closeWrite();
                }
              });
          CompletableFuture<byte[]> result =
              client(32, Duration.ofSeconds(5)).request(MemoryPeer.connect(alice, bob), bytes("q"));
          try {
            result.get(10, TimeUnit.SECONDS);
          } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(RequestFailedException.class);
            assertThat(((RequestFailedException) e.getCause()).reason())
                .isNotEqualTo(Reason.TIMEOUT);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void shouldSurviveRandomBytesAsARequest() {
    RequestResponseProtocol server = server(RequestResponseProtocolTest::upper, 1000);
    RandomCases.forAll(
        300,
        r -> new Object[] {RandomCases.bytes(r, 0, 80), r.nextBoolean()},
        c -> {
          byte[] garbage = (byte[]) c[0];
          MemoryConnection connection = MemoryPeer.connect(alice, bob);
          Substream raw = connection.openSubstream(NAMES).join();
          raw.setListener(new Ignore());
          var unused = raw.write(garbage);
          if ((Boolean) c[1]) {
            raw.closeWrite();
          } else {
            raw.reset();
          }
          bob.drain();
          alice.drain();
          bob.drain();
        });
    bob.drain();
    // Every exchange ended: answered, reset or closed; none is left holding a slot.
    assertThat(server.inboundInFlight(alice.id())).isZero();
  }

  private static byte[] withPrefix(byte[] payload, boolean complete) {
    byte[] framed = FrameReader.encode(payload);
    return complete ? framed : Arrays.copyOf(framed, Math.max(1, framed.length - 1));
  }

  private static final class Ignore implements StreamListener {
    @Override
    public void onData(byte[] bytes) {}

    @Override
    public void onRemoteClosed() {}

    @Override
    public void onReset() {}
  }
}
