/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.offchain;

import io.basalt.executor.api.OffchainContext.HttpError;
import io.basalt.executor.api.OffchainContext.HttpRequestStatus;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.Result;
import io.basalt.primitives.scale.Tuple2;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP requests of one offchain-worker run, with the semantics of Substrate's {@code
 * sc-offchain} HTTP API on {@link HttpClient}.
 *
 * <p>Ids are u16, the first one random below 2000 (so runtimes cannot hard-code them), then
 * consecutive; an id is never reused and allocation fails at the top of the range. A request is
 * built by {@code start} and {@code add_header}; the body is buffered (at most {@value #MAX_BODY}
 * bytes; the host API allows a request to start only when finalised) and the request is sent when
 * the body is finalised with an empty chunk or when it is waited for. Deadlines are UNIX
 * milliseconds on the given clock; none means wait as long as it takes. A response is "finished"
 * once its status and headers have arrived; its body is then read chunk by chunk. A request that
 * failed is reported once as {@code IoError} and forgotten, as is a fully read one.
 *
 * <p>Differences from Substrate's hyper client: a URI whose scheme is not {@code http} or {@code
 * https} is refused at start rather than failing when sent, and the JDK refuses the headers it
 * manages itself ({@code Host}, {@code Connection}, {@code Content-Length}, {@code Expect}, {@code
 * Upgrade}), which {@code add_header} reports as an error.
 */
final class OffchainHttp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("offchain");

  /** The largest request body buffered. */
  static final int MAX_BODY = 16 * 1024 * 1024;

  private static final int MAX_ID = 0xffff;

  private final HttpClient client;
  private final Clock clock;
  private final Map<Integer, Request> requests = new HashMap<>();
  private int nextId;

  OffchainHttp(HttpClient client, Clock clock, int firstId) {
    this.client = client;
    this.clock = clock;
    this.nextId = firstId;
  }

  private enum State {
    BUILDING,
    SENT,
    RESPONDED,
    FAILED
  }

  /** One request through its life: built, sent, answered (its body being read) or failed. */
  private static final class Request {
    private final String method;
    private final HttpRequest.Builder builder;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private State state = State.BUILDING;
    private boolean bodyStarted;
    private CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> response;
    private int status;
    private List<Tuple2<Bytes, Bytes>> headers = List.of();
    private ResponseBody reader;

    Request(String method, HttpRequest.Builder builder) {
      this.method = method;
      this.builder = builder;
    }
  }

  synchronized OptionalInt start(String method, String uri) {
    HttpRequest.Builder builder;
    try {
      builder =
          HttpRequest.newBuilder(new URI(uri)).method(method, HttpRequest.BodyPublishers.noBody());
    } catch (URISyntaxException | IllegalArgumentException e) {
      LOG.debug("offchain HTTP request refused: {} {}: {}", method, uri, e.getMessage());
      return OptionalInt.empty();
    }
    if (nextId >= MAX_ID) {
      LOG.error("offchain HTTP request ids exhausted in this offchain worker run");
      return OptionalInt.empty();
    }
    int id = nextId++;
    requests.put(id, new Request(method, builder));
    return OptionalInt.of(id);
  }

  synchronized boolean addHeader(int id, String name, String value) {
    Request r = requests.get(id);
    if (r == null || r.state != State.BUILDING || r.bodyStarted) {
      return false;
    }
    try {
      r.builder.header(name, value);
      return true;
    } catch (IllegalArgumentException e) {
      LOG.debug("offchain HTTP header refused: {}: {}", name, e.getMessage());
      return false;
    }
  }

  synchronized Optional<HttpError> writeBody(int id, Bytes chunk) {
    Request r = requests.get(id);
    if (r == null) {
      return Optional.of(HttpError.INVALID);
    }
    if (r.state == State.FAILED) {
      requests.remove(id);
      return Optional.of(HttpError.IO_ERROR);
    }
    if (r.state != State.BUILDING) {
      return Optional.of(HttpError.INVALID);
    }
    if (chunk.length() == 0) {
      send(r);
      return Optional.empty();
    }
    if (r.body.size() + (long) chunk.length() > MAX_BODY) {
      LOG.warn("offchain HTTP request body exceeds {} bytes; the request fails", MAX_BODY);
      r.state = State.FAILED;
      requests.remove(id);
      return Optional.of(HttpError.IO_ERROR);
    }
    r.bodyStarted = true;
    r.body.writeBytes(chunk.unsafeArray());
    return Optional.empty();
  }

  private void send(Request r) {
    byte[] body = r.body.toByteArray();
    HttpRequest request =
        r.builder
            .method(
                r.method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    r.response = client.sendAsync(request, HttpResponse.BodyHandlers.ofPublisher());
    r.state = State.SENT;
  }

  synchronized List<HttpRequestStatus> await(List<Integer> ids, OptionalLong deadline) {
    for (int id : ids) {
      Request r = requests.get(id);
      if (r != null && r.state == State.BUILDING) {
        send(r);
      }
    }
    while (true) {
      List<CompletableFuture<?>> pending = new ArrayList<>();
      for (int id : ids) {
        Request r = requests.get(id);
        if (r != null && r.state == State.SENT) {
          if (r.response.isDone()) {
            settle(r);
          } else {
            pending.add(r.response);
          }
        }
      }
      long remaining =
          deadline.isPresent() ? deadline.getAsLong() - clock.millis() : Long.MAX_VALUE;
      if (pending.isEmpty() || remaining <= 0) {
        return statuses(ids);
      }
      try {
        CompletableFuture<Object> any =
            CompletableFuture.anyOf(pending.toArray(CompletableFuture[]::new));
        if (deadline.isPresent()) {
          any.get(remaining, TimeUnit.MILLISECONDS);
        } else {
          any.get();
        }
      } catch (TimeoutException e) {
        // the deadline: report what is not done as DeadlineReached
      } catch (ExecutionException e) {
        // one request failed; settle() records it on the next pass
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return statuses(ids);
      }
    }
  }

  private static void settle(Request r) {
    try {
      HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = r.response.get();
      r.status = response.statusCode();
      r.headers = headers(response);
      r.reader = new ResponseBody(response.body());
      r.state = State.RESPONDED;
    } catch (ExecutionException e) {
      LOG.debug("offchain HTTP request failed: {}", e.getCause().toString());
      r.state = State.FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<HttpRequestStatus> statuses(List<Integer> ids) {
    List<HttpRequestStatus> out = new ArrayList<>(ids.size());
    for (int id : ids) {
      Request r = requests.get(id);
      out.add(
          r == null
              ? new HttpRequestStatus.Invalid()
              : switch (r.state) {
                case BUILDING, SENT -> new HttpRequestStatus.DeadlineReached();
                case RESPONDED -> new HttpRequestStatus.Finished(r.status);
                case FAILED -> new HttpRequestStatus.IoError();
              });
    }
    for (int id : ids) {
      Request r = requests.get(id);
      if (r != null && r.state == State.FAILED) {
        requests.remove(id); // reported once, then forgotten
      }
    }
    return out;
  }

  private static List<Tuple2<Bytes, Bytes>> headers(HttpResponse<?> response) {
    List<Tuple2<Bytes, Bytes>> out = new ArrayList<>();
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!name.startsWith(":")) {
                Bytes lower = utf8(name.toLowerCase(Locale.ROOT));
                values.forEach(v -> out.add(new Tuple2<>(lower, utf8(v))));
              }
            });
    return out;
  }

  private static Bytes utf8(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  synchronized List<Tuple2<Bytes, Bytes>> headers(int id) {
    await(List.of(id), OptionalLong.of(clock.millis()));
    Request r = requests.get(id);
    return r != null && r.state == State.RESPONDED ? r.headers : List.of();
  }

  synchronized Result<Bytes, HttpError> readBody(int id, int maxLength, OptionalLong deadline) {
    await(List.of(id), deadline);
    Request r = requests.get(id);
    if (r == null || r.state == State.BUILDING) {
      return Result.err(HttpError.INVALID);
    }
    if (r.state == State.SENT) {
      return Result.err(HttpError.DEADLINE_REACHED);
    }
    if (r.state == State.FAILED) {
      requests.remove(id);
      return Result.err(HttpError.IO_ERROR);
    }
    long remaining = deadline.isPresent() ? deadline.getAsLong() - clock.millis() : Long.MAX_VALUE;
    Result<Bytes, HttpError> read = r.reader.read(maxLength, remaining);
    boolean over =
        switch (read) {
          case Result.Ok<Bytes, HttpError>(Bytes data) -> data.length() == 0 && maxLength > 0;
          case Result.Err<Bytes, HttpError>(HttpError e) -> e != HttpError.DEADLINE_REACHED;
        };
    if (over) {
      requests.remove(id); // read to the end, or failed: the id is no longer valid
    }
    return read;
  }

  /** Cancels whatever is still in flight. */
  @Override
  public synchronized void close() {
    for (Request r : requests.values()) {
      if (r.response != null) {
        r.response.cancel(true);
      }
      if (r.reader != null) {
        r.reader.cancel();
      }
    }
    requests.clear();
  }

  /** A response body read on demand, one chunk requested at a time (back-pressure). */
  private static final class ResponseBody implements Flow.Subscriber<List<ByteBuffer>> {
    /** The end of the body in the queue of chunks. */
    private enum End {
      MARKER
    }

    private final LinkedBlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private ByteBuffer current = ByteBuffer.allocate(0);
    private final ArrayList<ByteBuffer> pendingBuffers = new ArrayList<>();

    ResponseBody(Flow.Publisher<List<ByteBuffer>> publisher) {
      publisher.subscribe(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      chunks.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
      chunks.add(throwable);
    }

    @Override
    public void onComplete() {
      chunks.add(End.MARKER);
    }

    void cancel() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }

    /** Up to {@code max} bytes; empty at the end; DeadlineReached if nothing came in time. */
    Result<Bytes, HttpError> read(int max, long timeoutMillis) {
      if (max == 0) {
        return Result.ok(Bytes.EMPTY);
      }
      while (!current.hasRemaining()) {
        if (!pendingBuffers.isEmpty()) {
          current = pendingBuffers.remove(0);
          continue;
        }
        Object next;
        try {
          next =
              timeoutMillis == Long.MAX_VALUE
                  ? chunks.take()
                  : chunks.poll(Math.max(0, timeoutMillis), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Result.err(HttpError.DEADLINE_REACHED);
        }
        if (next == null) {
          return Result.err(HttpError.DEADLINE_REACHED);
        }
        if (next instanceof End) {
          return Result.ok(Bytes.EMPTY);
        }
        if (next instanceof Throwable t) {
          LOG.debug("offchain HTTP response body failed: {}", t.toString());
          return Result.err(HttpError.IO_ERROR);
        }
        @SuppressWarnings("unchecked")
        List<ByteBuffer> buffers = (List<ByteBuffer>) next;
        pendingBuffers.addAll(buffers);
        subscription.request(1);
      }
      byte[] out = new byte[Math.min(max, current.remaining())];
      current.get(out);
      return Result.ok(Bytes.wrap(out));
    }
  }
}
