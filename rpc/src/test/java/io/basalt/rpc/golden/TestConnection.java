/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.rpc.dispatch.CallContext;
import io.basalt.rpc.dispatch.RpcDispatcher;
import io.basalt.rpc.dispatch.RpcJson;
import io.basalt.rpc.subscription.Outbox;
import io.basalt.rpc.subscription.SubscriptionIds;
import io.basalt.rpc.subscription.SubscriptionManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A WebSocket connection without a socket, for testing groups with subscriptions: calls go through
 * the dispatcher as the server sends them (response, then subscription activation, then the
 * after-response actions), and the notifications a real client would read are collected. Tasks of
 * the outbox run at once, on the calling thread.
 */
public final class TestConnection {
  private final RpcDispatcher dispatcher;
  private final RecordingOutbox outbox = new RecordingOutbox();
  private final SubscriptionManager subscriptions;
  private final CallContext context;
  private long nextId;

  /** A connection with sequential subscription ids and room for 1,000 subscriptions. */
  public TestConnection(RpcDispatcher dispatcher) {
    this(dispatcher, SubscriptionIds.sequential());
  }

  public TestConnection(RpcDispatcher dispatcher, Supplier<String> ids) {
    this.dispatcher = dispatcher;
    this.subscriptions = new SubscriptionManager(outbox, RpcJson.MAPPER, ids, 1000, "test");
    this.context = CallContext.webSocket(false, subscriptions);
  }

  /** Calls a method with positional params; returns the whole response object. */
  public JsonNode call(String method, Object... params) {
    ObjectNode request = RpcJson.MAPPER.createObjectNode();
    request.put("jsonrpc", "2.0").put("id", ++nextId).put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object param : params) {
      array.add(RpcJson.MAPPER.valueToTree(param));
    }
    RpcDispatcher.Outcome outcome = dispatcher.dispatch(request.toString(), context);
    JsonNode response = parse(outcome.response().orElseThrow());
    subscriptions.activate(outcome.subscriptions());
    outcome.afterResponse().forEach(Runnable::run);
    return response;
  }

  /** The result of a call, failing if it answered an error. */
  public JsonNode result(String method, Object... params) {
    JsonNode response = call(method, params);
    if (!response.has("result")) {
      throw new AssertionError(method + " failed: " + response);
    }
    return response.get("result");
  }

  /** The notification results read since the last call of this method, in order. */
  public List<JsonNode> results() {
    List<JsonNode> results = new ArrayList<>();
    for (String message : outbox.take()) {
      JsonNode notification = parse(message);
      results.add(
          notification.get("params").has("result")
              ? notification.get("params").get("result")
              : notification.get("params"));
    }
    return results;
  }

  /** Stops or resumes reading: notifications wait in their subscriptions while stopped. */
  public void reading(boolean reading) {
    outbox.room = reading ? Integer.MAX_VALUE : 0;
    if (reading) {
      subscriptions.requestPump();
    }
  }

  /** The connection's subscriptions (its identity for per-connection limits). */
  public SubscriptionManager subscriptions() {
    return subscriptions;
  }

  /** Closes the connection: every subscription ends. */
  public void close() {
    subscriptions.closeAll();
  }

  private static JsonNode parse(String text) {
    try {
      return RpcJson.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An outbox that records messages and runs tasks at once. */
  private static final class RecordingOutbox implements Outbox {
    private final List<String> written = new ArrayList<>();
    private int room = Integer.MAX_VALUE;

    @Override
    public synchronized boolean hasRoom() {
      return room > 0;
    }

    @Override
    public synchronized void write(String message) {
      if (room != Integer.MAX_VALUE) {
        room--;
      }
      written.add(message);
    }

    @Override
    public void execute(Runnable task) {
      task.run();
    }

    synchronized List<String> take() {
      List<String> taken = List.copyOf(written);
      written.clear();
      return taken;
    }
  }
}
