/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.basalt.rpc.dispatch.RpcJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JSON-RPC client over HTTP to a node on a loopback port: one POST per call, so a node that dies
 * fails the next call at once (an {@link IOException}) instead of leaving it waiting.
 */
public final class HttpRpcClient {
  /** Writes {@code Bytes} and {@code Hash256} params as hex, as the server reads them. */
  private static final ObjectMapper JSON = RpcJson.MAPPER;

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final URI uri;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final AtomicLong ids = new AtomicLong();

  public HttpRpcClient(int port) {
    this.uri = URI.create("http://127.0.0.1:" + port);
  }

  /** The whole response to a call whose params are given as JSON text (an array or object). */
  public JsonNode call(String method, String jsonParams) throws IOException, InterruptedException {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + ids.incrementAndGet()
            + ",\"method\":\""
            + method
            + "\",\"params\":"
            + jsonParams
            + "}";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  /** The whole response (with {@code result} or {@code error}) to a call with positional params. */
  public JsonNode call(String method, Object... params) throws IOException, InterruptedException {
    ArrayNode array = JSON.createArrayNode();
    for (Object param : params) {
      array.add(JSON.valueToTree(param));
    }
    return call(method, array.toString());
  }

  /** The result of a call that must succeed. */
  public JsonNode result(String method, Object... params) throws IOException, InterruptedException {
    JsonNode response = call(method, params);
    if (response.has("error")) {
      throw new AssertionError(method + " failed: " + response.get("error"));
    }
    return response.get("result");
  }

  /**
   * Has a manual-seal node build {@code count} blocks ({@code engine_createBlock(true, true)}) and
   * returns the last one's hash.
   */
  public String createBlocks(int count) throws IOException, InterruptedException {
    String hash = null;
    for (int i = 0; i < count; i++) {
      hash = result("engine_createBlock", true, true).get("hash").asText();
    }
    return hash;
  }

  /** The error of a call that must fail. */
  public JsonNode error(String method, Object... params) throws IOException, InterruptedException {
    JsonNode response = call(method, params);
    if (!response.has("error")) {
      throw new AssertionError(method + " answered " + response.get("result"));
    }
    return response.get("error");
  }
}
