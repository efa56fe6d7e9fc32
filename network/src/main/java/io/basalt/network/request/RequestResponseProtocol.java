/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.request;

import io.basalt.network.frame.FrameException;
import io.basalt.network.frame.FrameReader;
import io.basalt.network.frame.FrameTooLargeException;
import io.basalt.network.request.RequestFailedException.Reason;
import io.basalt.network.transport.Connection;
import io.basalt.network.transport.Host;
import io.basalt.network.transport.ProtocolNotSupportedException;
import io.basalt.network.transport.StreamListener;
import io.basalt.network.transport.Substream;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.PeerId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request-response protocol, both ways. {@link #request} sends a request on a new substream and
 * completes with the response or fails with a {@link RequestFailedException}; {@link #accept}
 * serves a peer's request with the handler and resets the substream when the handler fails, the
 * request breaks the limits, or the peer already has {@code maxConcurrentInboundPerPeer} requests
 * being served.
 *
 * <p>Thread-safe. The handler is called on the connection's event loop and must return at once (a
 * future it completes later, e.g. on a database executor).
 */
public final class RequestResponseProtocol {
  private static final Logger LOG = LoggerFactory.getLogger("sub-libp2p.request-response");

  private final RequestResponseConfig config;
  private final Function<InboundRequest, CompletableFuture<byte[]>> handler;
  private final ScheduledExecutorService timer;
  private final Map<PeerId, Integer> inboundInFlight = new HashMap<>();

  /**
   * @param handler serves inbound requests; {@code null} for a protocol we only send on (inbound
   *     substreams are then reset)
   * @param timer schedules timeouts
   */
  public RequestResponseProtocol(
      RequestResponseConfig config,
      Function<InboundRequest, CompletableFuture<byte[]>> handler,
      ScheduledExecutorService timer) {
    this.config = config;
    this.handler = handler;
    this.timer = timer;
  }

  /** The protocol names, main first. */
  public List<String> names() {
    return config.names();
  }

  /** Makes {@code host} hand this protocol's inbound substreams, on every name, to us. */
  public void register(Host host) {
    for (String name : config.names()) {
      host.handle(name, this::accept);
    }
  }

  /**
   * Sends {@code request} to the peer of {@code connection} on a new substream. The future
   * completes with the response, or fails with a {@link RequestFailedException} naming the reason.
   */
  public CompletableFuture<byte[]> request(Connection connection, byte[] request) {
    if (request.length > config.maxRequestSize()) {
      return CompletableFuture.failedFuture(
          new RequestFailedException(
              Reason.REQUEST_TOO_LARGE,
              "a request of "
                  + request.length
                  + " bytes exceeds the limit of "
                  + config.maxRequestSize()
                  + " on "
                  + config.names().getFirst()));
    }
    OutboundExchange exchange = new OutboundExchange(connection.remotePeer());
    exchange.timeout =
        timer.schedule(
            () ->
                exchange.fail(
                    Reason.TIMEOUT,
                    "no response from "
                        + exchange.peer
                        + " within "
                        + config.timeout().toMillis()
                        + " ms",
                    null),
            config.timeout().toMillis(),
            TimeUnit.MILLISECONDS);
    var unused =
        connection
            .openSubstream(config.names())
            .whenComplete(
                (substream, error) -> {
                  if (error != null) {
                    Throwable cause = unwrap(error);
                    if (cause instanceof ProtocolNotSupportedException) {
                      exchange.fail(Reason.UNSUPPORTED_PROTOCOL, cause.getMessage(), cause);
                    } else {
                      exchange.fail(
                          Reason.CONNECTION_CLOSED,
                          "could not open a substream to " + exchange.peer,
                          cause);
                    }
                    return;
                  }
                  exchange.start(substream, request);
                });
    return exchange.result;
  }

  /**
   * Serves the request on a substream the peer opened to us (what the host's inbound handler
   * calls).
   */
  public void accept(Substream substream) {
    PeerId peer = substream.remotePeer();
    if (handler == null) {
      substream.reset();
      return;
    }
    synchronized (inboundInFlight) {
      int busy = inboundInFlight.getOrDefault(peer, 0);
      if (busy >= config.maxConcurrentInboundPerPeer()) {
        LOG.debug(
            "Refused a {} request from {}: {} already being served",
            config.names().getFirst(),
            peer,
            busy);
        substream.reset();
        return;
      }
      inboundInFlight.put(peer, busy + 1);
    }
    InboundExchange exchange = new InboundExchange(peer, substream);
    exchange.timeout =
        timer.schedule(
            () -> exchange.abort("timed out"), config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    substream.setListener(exchange);
  }

  /** The number of requests being served for {@code peer}. */
  public int inboundInFlight(PeerId peer) {
    synchronized (inboundInFlight) {
      return inboundInFlight.getOrDefault(peer, 0);
    }
  }

  private void release(PeerId peer) {
    synchronized (inboundInFlight) {
      inboundInFlight.computeIfPresent(peer, (p, n) -> n <= 1 ? null : n - 1);
    }
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }

  /** One request we sent: its result, timer and response reader. */
  private final class OutboundExchange implements StreamListener {
    final PeerId peer;
    final CompletableFuture<byte[]> result = new CompletableFuture<>();
    final FrameReader reader = new FrameReader(config.maxResponseSize());
    volatile ScheduledFuture<?> timeout;
    volatile Substream substream;
    byte[] response;

    OutboundExchange(PeerId peer) {
      this.peer = peer;
    }

    void start(Substream opened, byte[] request) {
      substream = opened;
      if (result.isDone()) {
        opened.reset();
        return;
      }
      opened.setListener(this);
      var unused =
          opened
              .write(FrameReader.encode(request))
              .whenComplete(
                  (ok, error) -> {
                    if (error != null) {
                      fail(Reason.RESET, "could not write the request to " + peer, unwrap(error));
                    }
                  });
      opened.closeWrite();
    }

    @Override
    public void onData(byte[] bytes) {
      if (result.isDone()) {
        return;
      }
      if (response != null) {
        fail(Reason.MALFORMED_RESPONSE, peer + " sent bytes after its response", null);
        return;
      }
      try {
        List<byte[]> frames = reader.feedOne(bytes);
        if (frames.isEmpty()) {
          return;
        }
        if (reader.buffered() > 0) {
          fail(Reason.MALFORMED_RESPONSE, peer + " sent bytes after its response", null);
          return;
        }
        response = frames.getFirst();
        succeed(response);
      } catch (FrameTooLargeException e) {
        fail(Reason.RESPONSE_TOO_LARGE, peer + "'s response is too large: " + e.getMessage(), e);
      } catch (FrameException e) {
        fail(Reason.MALFORMED_RESPONSE, peer + "'s response is malformed: " + e.getMessage(), e);
      }
    }

    @Override
    public void onRemoteClosed() {
      if (response != null || result.isDone()) {
        return;
      }
      if (reader.buffered() == 0) {
        fail(Reason.REFUSED, peer + " closed the substream without a response", null);
      } else {
        fail(Reason.MALFORMED_RESPONSE, peer + "'s response ends early", null);
      }
    }

    @Override
    public void onReset() {
      if (response == null) {
        fail(Reason.RESET, peer + " reset the substream", null);
      }
    }

    private void succeed(byte[] bytes) {
      cancelTimer();
      result.complete(bytes);
    }

    void fail(Reason reason, String message, Throwable cause) {
      cancelTimer();
      if (result.completeExceptionally(new RequestFailedException(reason, message, cause))) {
        LOG.debug("{} request to {} failed: {}", config.names().getFirst(), peer, message);
        Substream stream = substream;
        if (stream != null) {
          stream.reset();
        }
      }
    }

    private void cancelTimer() {
      ScheduledFuture<?> t = timeout;
      if (t != null) {
        t.cancel(false);
      }
    }
  }

  /** One request a peer sent us: read, serve, answer. */
  private final class InboundExchange implements StreamListener {
    final PeerId peer;
    final Substream substream;
    final FrameReader reader = new FrameReader(config.maxRequestSize());
    final AtomicBoolean finished = new AtomicBoolean();
    volatile ScheduledFuture<?> timeout;
    boolean requested;

    InboundExchange(PeerId peer, Substream substream) {
      this.peer = peer;
      this.substream = substream;
    }

    @Override
    public void onData(byte[] bytes) {
      if (finished.get()) {
        return;
      }
      if (requested) {
        abort("bytes after the request");
        return;
      }
      List<byte[]> frames;
      try {
        frames = reader.feedOne(bytes);
      } catch (FrameException e) {
        abort(e.getMessage());
        return;
      }
      if (frames.isEmpty()) {
        return;
      }
      if (reader.buffered() > 0) {
        abort("bytes after the request");
        return;
      }
      requested = true;
      CompletableFuture<byte[]> pending;
      try {
        pending =
            handler.apply(
                new InboundRequest(peer, substream.protocol(), Bytes.wrap(frames.getFirst())));
      } catch (RuntimeException e) {
        abort("the handler failed: " + e);
        return;
      }
      var unused = pending.whenComplete(this::respond);
    }

    private void respond(byte[] response, Throwable error) {
      if (error != null || response == null) {
        abort("the handler failed: " + (error == null ? "no response" : unwrap(error)));
        return;
      }
      if (response.length > config.maxResponseSize()) {
        abort(
            "the response of "
                + response.length
                + " bytes exceeds the limit of "
                + config.maxResponseSize());
        return;
      }
      if (!finished.compareAndSet(false, true)) {
        return;
      }
      finish();
      var unused = substream.write(FrameReader.encode(response));
      substream.closeWrite();
    }

    @Override
    public void onRemoteClosed() {
      if (!requested) {
        abort("closed before a complete request");
      }
    }

    @Override
    public void onReset() {
      if (finished.compareAndSet(false, true)) {
        finish();
      }
    }

    void abort(String why) {
      if (!finished.compareAndSet(false, true)) {
        return;
      }
      LOG.debug("Reset a {} request from {}: {}", config.names().getFirst(), peer, why);
      finish();
      substream.reset();
    }

    private void finish() {
      ScheduledFuture<?> t = timeout;
      if (t != null) {
        t.cancel(false);
      }
      release(peer);
    }
  }
}
