/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.fork;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JSON-RPC client for the node a chain is forked from: WebSocket ({@code ws://}, {@code wss://})
 * or HTTP ({@code http://}, {@code https://}). Calls may run concurrently; over a WebSocket they
 * share one connection, answered by id. The connection opens on the first call, so a restarted fork
 * that already holds what it needs never contacts the source.
 *
 * <p>Every failure is a {@link ForkSourceException} naming the source and the method.
 */
public final class RemoteNode implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final URI uri;
  private final HttpClient http;
  private final AtomicLong ids = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private WebSocket socket;

  /**
   * A client for {@code uri}; nothing is contacted yet.
   *
   * @throws IllegalArgumentException if the scheme is not ws, wss, http or https
   */
  public RemoteNode(URI uri) {
    String scheme = String.valueOf(uri.getScheme());
    if (!List.of("ws", "wss", "http", "https").contains(scheme) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "the fork source must be a ws://, wss://, http:// or https:// URL, got " + uri);
    }
    this.uri = uri;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  public URI uri() {
    return uri;
  }

  /** How many requests were sent so far (a batch counts its calls). */
  public long requests() {
    return requests.get();
  }

  /**
   * Calls {@code method} and returns its {@code result}.
   *
   * @throws ForkSourceException if the source cannot be reached or answers with an error
   */
  public JsonNode call(String method, Object... params) {
    return batch(List.of(new Call(method, java.util.Arrays.asList(params)))).get(0);
  }

  /** One call of a batch. */
  public record Call(String method, List<Object> params) {}

  /**
   * Sends several calls at once (a JSON-RPC batch over HTTP, pipelined requests over a WebSocket)
   * and returns their results in order.
   *
   * @throws ForkSourceException if the source cannot be reached or any call fails
   */
  public List<JsonNode> batch(List<Call> calls) {
    if (calls.isEmpty()) {
      return List.of();
    }
    requests.addAndGet(calls.size());
    List<ObjectNode> bodies = new ArrayList<>();
    for (Call call : calls) {
      ObjectNode body = JSON.createObjectNode();
      body.put("jsonrpc", "2.0");
      body.put("id", ids.incrementAndGet());
      body.put("method", call.method());
      body.set("params", JSON.valueToTree(call.params()));
      bodies.add(body);
    }
    String what = calls.size() == 1 ? calls.get(0).method() : calls.size() + " calls";
    try {
      List<JsonNode> responses =
          uri.getScheme().startsWith("ws") ? overWebSocket(bodies) : overHttp(bodies);
      List<JsonNode> results = new ArrayList<>();
      for (int i = 0; i < responses.size(); i++) {
        results.add(result(calls.get(i).method(), responses.get(i)));
      }
      return results;
    } catch (IOException | ExecutionException | TimeoutException e) {
      throw new ForkSourceException(
          "fork source " + uri + ": " + what + " failed: " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ForkSourceException("fork source " + uri + ": interrupted during " + what, e);
    }
  }

  private JsonNode result(String method, JsonNode response) {
    JsonNode error = response.get("error");
    if (error != null && !error.isNull()) {
      throw new ForkSourceException(
          "fork source "
              + uri
              + ": "
              + method
              + " failed: "
              + error.path("message").asText(error.toString()),
          null);
    }
    if (!response.has("result")) {
      throw new ForkSourceException(
          "fork source " + uri + ": " + method + " answered without a result: " + response, null);
    }
    return response.get("result");
  }

  private List<JsonNode> overHttp(List<ObjectNode> bodies)
      throws IOException, InterruptedException {
    JsonNode payload = bodies.size() == 1 ? bodies.get(0) : JSON.createArrayNode().addAll(bodies);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(payload)))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode());
    }
    JsonNode answer = JSON.readTree(response.body());
    if (bodies.size() == 1) {
      return List.of(answer);
    }
    if (!(answer instanceof ArrayNode array)) {
      throw new IOException("a batch was answered with " + answer.getNodeType());
    }
    Map<Long, JsonNode> byId = new java.util.HashMap<>();
    array.forEach(r -> byId.put(r.path("id").asLong(), r));
    List<JsonNode> ordered = new ArrayList<>();
    for (ObjectNode body : bodies) {
      JsonNode r = byId.get(body.get("id").asLong());
      if (r == null) {
        throw new IOException("the batch answer lacks request " + body.get("id"));
      }
      ordered.add(r);
    }
    return ordered;
  }

  private List<JsonNode> overWebSocket(List<ObjectNode> bodies)
      throws IOException, InterruptedException, ExecutionException, TimeoutException {
    WebSocket ws = socket();
    List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
    for (ObjectNode body : bodies) {
      CompletableFuture<JsonNode> answer = new CompletableFuture<>();
      pending.put(body.get("id").asLong(), answer);
      answers.add(answer);
    }
    synchronized (this) {
      for (ObjectNode body : bodies) {
        ws.sendText(JSON.writeValueAsString(body), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    }
    List<JsonNode> out = new ArrayList<>();
    for (CompletableFuture<JsonNode> answer : answers) {
      out.add(answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    }
    return out;
  }

  private synchronized WebSocket socket()
      throws InterruptedException, ExecutionException, TimeoutException {
    if (socket == null || socket.isInputClosed() || socket.isOutputClosed()) {
      socket =
          http.newWebSocketBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .buildAsync(uri, new Listener())
              .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
    return socket;
  }

  /** Collects text frames into messages and completes the waiting call with that id. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String message = partial.toString();
        partial.setLength(0);
        try {
          JsonNode node = JSON.readTree(message);
          CompletableFuture<JsonNode> waiting =
              node.has("id") ? pending.remove(node.get("id").asLong()) : null;
          if (waiting != null) {
            waiting.complete(node);
          }
        } catch (IOException e) {
          failAll(new IOException("unreadable message from the source: " + e.getMessage(), e));
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      failAll(new IOException("the source closed the connection (" + statusCode + ")"));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      failAll(new IOException(error.getMessage(), error));
    }
  }

  private void failAll(IOException cause) {
    pending.values().forEach(f -> f.completeExceptionally(cause));
    pending.clear();
  }

  private static String describe(Exception e) {
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (cause instanceof TimeoutException) {
      return "no answer within " + TIMEOUT.toSeconds() + " s";
    }
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }

  @Override
  public synchronized void close() {
    if (socket != null) {
      var unused = socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
      socket.abort();
      socket = null;
    }
    http.close();
  }
}
