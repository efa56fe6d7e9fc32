/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.rpc.dispatch.RpcJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A JSON-RPC client on one WebSocket connection to a running node: calls wait for the response with
 * their id; notifications are kept per subscription id.
 */
final class WsRpcClient implements WebSocket.Listener, AutoCloseable {
  /** Writes {@code Bytes} and {@code Hash256} params as hex, as the server reads them. */
  private static final ObjectMapper JSON = RpcJson.MAPPER;

  private static final int TIMEOUT_SECONDS = 60;

  private final WebSocket socket;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final Map<String, BlockingQueue<JsonNode>> notifications = new ConcurrentHashMap<>();
  private final StringBuilder partial = new StringBuilder();

  WsRpcClient(InetSocketAddress at) {
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create("ws://127.0.0.1:" + at.getPort()), this)
            .join();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      receive(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  private void receive(String text) {
    JsonNode message;
    try {
      message = JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (message.has("id") && message.get("id").isIntegralNumber()) {
      CompletableFuture<JsonNode> waiting = pending.remove(message.get("id").asLong());
      if (waiting != null) {
        waiting.complete(message);
      }
    } else if (message.has("params")) {
      queue(message.get("params").get("subscription").asText()).add(message);
    }
  }

  private BlockingQueue<JsonNode> queue(String subscription) {
    return notifications.computeIfAbsent(subscription, id -> new LinkedBlockingQueue<>());
  }

  /** The whole response to a call (with {@code result} or {@code error}). */
  JsonNode call(String method, Object... params) {
    long id = ids.incrementAndGet();
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id);
    request.put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object param : params) {
      array.add(JSON.valueToTree(param));
    }
    CompletableFuture<JsonNode> response = new CompletableFuture<>();
    pending.put(id, response);
    socket.sendText(request.toString(), true).join();
    try {
      return response.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("no answer to " + method + " within " + TIMEOUT_SECONDS + " s", e);
    }
  }

  /** The result of a call that must succeed. */
  JsonNode result(String method, Object... params) {
    JsonNode response = call(method, params);
    if (response.has("error")) {
      throw new AssertionError(method + " failed: " + response.get("error"));
    }
    return response.get("result");
  }

  /** The error of a call that must fail. */
  JsonNode error(String method, Object... params) {
    JsonNode response = call(method, params);
    if (!response.has("error")) {
      throw new AssertionError(method + " answered " + response.get("result"));
    }
    return response.get("error");
  }

  /** Subscribes and returns the subscription id. */
  String subscribe(String method, Object... params) {
    return result(method, params).asText();
  }

  /** The next notification's {@code result} for a subscription; fails after 60 s. */
  JsonNode next(String subscription) {
    try {
      JsonNode message = queue(subscription).poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (message == null) {
        throw new AssertionError("no notification for " + subscription + " within 60 s");
      }
      return message.get("params").get("result");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The notifications of a subscription up to and including the first that matches. */
  List<JsonNode> until(String subscription, Predicate<JsonNode> last) {
    List<JsonNode> events = new ArrayList<>();
    JsonNode event;
    do {
      event = next(subscription);
      events.add(event);
    } while (!last.test(event));
    return events;
  }

  /** How many notifications of a subscription wait to be read. */
  int waiting(String subscription) {
    return queue(subscription).size();
  }

  @Override
  public void close() {
    socket.abort();
  }
}
