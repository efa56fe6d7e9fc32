/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.rpc.dispatch.BatchLimit;
import io.basalt.rpc.dispatch.MethodGroup;
import io.basalt.rpc.subscription.SubscriptionIds;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server on 127.0.0.1 with an ephemeral port, driven by the JDK's HTTP and WebSocket clients.
 */
class RpcServerIT {
  private final HttpClient http = HttpClient.newHttpClient();
  private final TestMethods methods = new TestMethods();
  private final List<AutoCloseable> open = new ArrayList<>();
  private RpcServer server;

  private RpcServer start(UnaryOperator<RpcServerConfig.Builder> tweak) {
    RpcServerConfig config =
        tweak
            .apply(RpcServerConfig.builder().listenAddress(RpcServerConfig.listenAddress(false, 0)))
            .build();
    server = RpcServer.start(config, List.<MethodGroup>of(methods), SubscriptionIds.random());
    return server;
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private URI httpUri() {
    return URI.create("http://127.0.0.1:" + server.address().getPort() + "/");
  }

  private WsClient ws() {
    WsClient client =
        new WsClient(http, URI.create("ws://127.0.0.1:" + server.address().getPort() + "/"));
    open.add(client);
    return client;
  }

  private HttpResponse<String> post(String body, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(httpUri()).POST(HttpRequest.BodyPublishers.ofString(body));
    request.header("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String call(Object id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\""
        + method
        + "\",\"params\":"
        + params
        + "}";
  }

  @Test
  void answersCallsBatchesAndNotificationsOverHttp() throws Exception {
    start(c -> c);
    HttpResponse<String> single = post(call(1, "test_echo", "[\"hi\"]"));
    assertThat(single.statusCode()).isEqualTo(200);
    assertThat(single.headers().firstValue("content-type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(single.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"hi\"}");

    HttpResponse<String> batch =
        post("[" + call(1, "test_echo", "[1]") + "," + call("\"b\"", "nope", "[]") + "]");
    assertThat(batch.body())
        .isEqualTo(
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":1},{\"jsonrpc\":\"2.0\",\"id\":\"b\","
                + "\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}]");

    HttpResponse<String> notification = post("{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\"}");
    assertThat(notification.statusCode()).isEqualTo(200);
    assertThat(notification.body()).isEqualTo("null");
  }

  @Test
  void refusesMalformedHttpRequestsWithJsonrpseesStatusCodes() throws Exception {
    start(c -> c);
    HttpResponse<String> garbage = post("dsdfs fsdsfds");
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(garbage.body())
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}");
    HttpResponse<String> truncated = post("{ \"jsonrpc\": ");
    assertThat(truncated.statusCode()).isEqualTo(200);
    assertThat(truncated.body()).contains("-32700");

    HttpResponse<String> text = post(call(1, "test_echo", "[1]"), "Content-Type", "text/plain");
    assertThat(text.statusCode()).isEqualTo(415);
    assertThat(text.body())
        .isEqualTo(
            "Supplied content type is not allowed. Content-Type: application/json is required\n");

    HttpResponse<String> get =
        http.send(
            HttpRequest.newBuilder(httpUri()).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.body()).isEqualTo("Used HTTP Method is not allowed. POST is required\n");
  }

  @Test
  void refusesOversizedRequestsAndResponses() throws Exception {
    start(c -> c.payloadLimits(1024, 1024));
    // Over a raw socket: the server answers before it reads the body, and java.net.http's client
    // then reports an EOF in about one run in fifteen instead of the answer (curl reads it).
    String body = call(1, "test_echo", "[\"" + "z".repeat(2000) + "\"]");
    String big;
    try (RawClient raw = RawClient.connect(server.address(), 65536)) {
      big =
          raw.http(
              "POST / HTTP/1.1\r\nHost: 127.0.0.1:"
                  + server.address().getPort()
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.length()
                  + "\r\n\r\n"
                  + body);
    }
    assertThat(big).startsWith("HTTP/1.1 413");
    assertThat(big.substring(big.indexOf("\r\n\r\n") + 4))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32007,\"message\":"
                + "\"Request is too big\",\"data\":\"Exceeded max limit of 1024\"}}");

    assertThat(post(call(7, "test_big", "[2000]")).body())
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32008,\"message\":"
                + "\"Response is too big\",\"data\":\"Exceeded max limit of 1024\"}}");
    assertThat(
            post("[" + call(1, "test_big", "[600]") + "," + call(2, "test_big", "[600]") + "]")
                .body())
        .contains("-32011", "The batch response was too large", "Exceeded max limit of 1024");

    try (RawClient raw = RawClient.connect(server.address(), 65536)) {
      assertThat(raw.upgrade(server.address().getPort())).startsWith("HTTP/1.1 101");
      raw.sendText(call(1, "test_echo", "[\"" + "z".repeat(2000) + "\"]"));
      String[] error = raw.readFrame();
      assertThat(error[1]).contains("-32007", "Exceeded max limit of 1024");
      assertThat(raw.readFrame()[0]).as("close frame").isEqualTo("8");
    }
    assertThat(post(call(2, "test_echo", "[\"still serving\"]")).body()).contains("still serving");
  }

  @Test
  void refusesBatchesWhenDisabledOrTooLong() throws Exception {
    start(c -> c.batchLimit(BatchLimit.of(2)));
    String three =
        "["
            + call(1, "test_echo", "[1]")
            + ","
            + call(2, "test_echo", "[2]")
            + ","
            + call(3, "test_echo", "[3]")
            + "]";
    assertThat(post(three).body())
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32010,\"message\":"
                + "\"The batch request was too large\",\"data\":\"Exceeded max limit of 2\"}}");
    server.close();
    start(c -> c.batchLimit(BatchLimit.DISABLED));
    assertThat(post(three).body())
        .contains("-32005", "Batched requests are not supported by this server");
  }

  @Test
  void subscribesNotifiesAndUnsubscribesOverWebSocket() throws Exception {
    start(c -> c);
    WsClient client = ws();
    client.send(call(1, "test_subscribeAlias", "[]"));
    JsonNode subscribed = client.next();
    String id = subscribed.get("result").textValue();
    assertThat(id).hasSize(16).matches("[A-Za-z0-9]{16}");
    methods.publish(List.of(1, 2));
    JsonNode event = client.next();
    assertThat(event.toString())
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"method\":\"test_event\",\"params\":{\"subscription\":\""
                + id
                + "\",\"result\":[1,2]}}");
    client.send(call(2, "test_unsubscribe", "[\"" + id + "\"]"));
    assertThat(client.next().get("result").booleanValue()).isTrue();
    client.send(call(3, "test_unsubscribe", "[\"" + id + "\"]"));
    assertThat(client.next().get("result").booleanValue()).isFalse();
    assertThat(methods.closedFeeds.get()).isEqualTo(1);

    assertThat(post(call(4, "test_subscribe", "[]")).body())
        .as("no subscriptions over HTTP, as jsonrpsee")
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"error\":{\"code\":-32603,\"message\":\"Internal error\"}}");
  }

  @Test
  void tenThousandSubscriptionsOnOneSocketStopAtTheLimitAndCloseWithTheSocket() throws Exception {
    start(c -> c);
    WsClient client = ws();
    int sent = 0;
    for (int batch = 0; batch < 100; batch++) {
      StringBuilder request = new StringBuilder("[");
      for (int i = 0; i < 100; i++) {
        request.append(i == 0 ? "" : ",").append(call(sent++, "test_subscribe", "[]"));
      }
      client.send(request.append(']').toString());
    }
    int accepted = 0;
    int refused = 0;
    for (int batch = 0; batch < 100; batch++) {
      for (JsonNode response : client.next()) {
        if (response.has("result")) {
          accepted++;
        } else {
          assertThat(response.get("error").toString())
              .isEqualTo(
                  "{\"code\":-32006,\"message\":\"Too many subscriptions on the connection\","
                      + "\"data\":\"Exceeded max limit of 1024\"}");
          refused++;
        }
      }
    }
    assertThat(accepted).isEqualTo(1024);
    assertThat(refused).isEqualTo(10_000 - 1024);
    assertThat(post(call(1, "test_echo", "[\"others are served\"]")).body())
        .contains("others are served");

    client.close();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (methods.closedFeeds.get() < 1024 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(methods.closedFeeds.get()).as("subscriptions ended with the socket").isEqualTo(1024);
  }

  @Test
  void aClientThatNeverReadsLosesItsSubscriptionAndOthersAreStillServed() throws Exception {
    start(c -> c);
    try (RawClient stuck = RawClient.connect(server.address(), 4096)) {
      assertThat(stuck.upgrade(server.address().getPort())).startsWith("HTTP/1.1 101");
      stuck.sendText(call(1, "test_flood", "[65536]"));
      assertThat(methods.floodStopped.await(60, TimeUnit.SECONDS))
          .as("the producer is told to stop once the subscription is dropped")
          .isTrue();
      // Bounded: the socket buffers, the outbox (64) and the subscription's 16 hold the rest.
      assertThat(methods.floodSent.get()).isLessThan(500);
      WsClient other = ws();
      other.send(call(9, "test_echo", "[\"alive\"]"));
      assertThat(other.next().get("result").textValue()).isEqualTo("alive");
    }
  }

  @Test
  void refusesConnectionsPastTheLimit() throws Exception {
    start(c -> c.maxConnections(2));
    ws();
    ws();
    HttpResponse<String> refused = post(call(1, "test_echo", "[1]"));
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.body()).isEqualTo("Too many connections. Please try again later.");
    assertThatThrownBy(this::ws)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(WebSocketHandshakeException.class)
        .satisfies(
            e ->
                assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                    .isEqualTo(429));
  }

  @Test
  void answersCorsPreflightsAndRefusesOtherOriginsAndHosts() throws Exception {
    start(c -> c.cors(CorsPolicy.defaults()));
    HttpResponse<String> preflight =
        http.send(
            HttpRequest.newBuilder(httpUri())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("access-control-allow-origin"))
        .hasValue("http://localhost:3000");
    assertThat(preflight.headers().firstValue("access-control-allow-headers"))
        .hasValue("content-type");

    HttpResponse<String> allowed =
        post(call(1, "test_echo", "[1]"), "Origin", "https://polkadot.js.org");
    assertThat(allowed.headers().firstValue("access-control-allow-origin"))
        .hasValue("https://polkadot.js.org");
    assertThat(post(call(1, "test_echo", "[1]"), "Origin", "https://evil.example").statusCode())
        .isEqualTo(403);

    try (RawClient raw = RawClient.connect(server.address(), 65536)) {
      String body = call(1, "test_echo", "[1]");
      String response =
          raw.http(
              "POST / HTTP/1.1\r\nHost: node.example:"
                  + server.address().getPort()
                  + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                  + body.length()
                  + "\r\n\r\n"
                  + body);
      assertThat(response)
          .startsWith("HTTP/1.1 403")
          .endsWith("Provided Host header is not whitelisted.\n");
    }
  }

  @Test
  void refusesUnsafeMethodsOnAnExternalInterfaceUnderAuto() throws Exception {
    start(c -> c.listenAddress(RpcServerConfig.listenAddress(true, 0)).cors(CorsPolicy.all()));
    assertThat(post(call(1, "test_unsafe", "[]")).body())
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,"
                + "\"message\":\"RPC call is unsafe to be called externally\"}}");
    server.close();
    start(c -> c);
    assertThat(post(call(1, "test_unsafe", "[]")).body()).contains("\"result\":\"ok\"");
    server.close();
    start(c -> c.methods(RpcMethodsPolicy.SAFE));
    assertThat(post(call(1, "test_unsafe", "[]")).body()).contains("-32601");
  }

  @Test
  void delaysCallsOverTheRateLimitWithoutRefusingThemOrOthers() throws Exception {
    start(c -> c.rateLimitPerMinute(OptionalInt.of(1)));
    WsClient limited = ws();
    limited.send(call(1, "test_echo", "[\"first\"]"));
    assertThat(limited.next().get("result").textValue()).isEqualTo("first");
    limited.send(call(2, "test_echo", "[\"second\"]"));
    WsClient other = ws();
    other.send(call(3, "test_echo", "[\"other connection\"]"));
    assertThat(other.next().get("result").textValue()).isEqualTo("other connection");
    assertThat(limited.messages).as("the second call waits a minute, it is not refused").isEmpty();
  }

  @Test
  void closingTheServerEndsItsConnections() throws IOException, InterruptedException {
    start(c -> c);
    WsClient client = ws();
    client.send(call(1, "test_subscribe", "[]"));
    assertThat(client.next().has("result")).isTrue();
    server.close();
    server = null;
    // The connection's subscriptions end as its channel goes inactive, on the connection's thread.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (methods.closedFeeds.get() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(methods.closedFeeds.get()).isEqualTo(1);
  }
}
