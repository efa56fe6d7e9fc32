/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.rpc.dispatch.RpcJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The JDK's WebSocket client, collecting every text message. */
final class WsClient implements WebSocket.Listener, AutoCloseable {
  final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();
  private final WebSocket socket;

  WsClient(HttpClient http, URI uri) {
    this.socket = http.newWebSocketBuilder().buildAsync(uri, this).join();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  void send(String text) {
    socket.sendText(text, true).join();
  }

  /** The next message; fails after 30 s without one. */
  JsonNode next() throws InterruptedException, IOException {
    String text = messages.poll(30, TimeUnit.SECONDS);
    if (text == null) {
      throw new AssertionError("no message within 30 s");
    }
    return RpcJson.MAPPER.readTree(text);
  }

  @Override
  public void close() {
    socket.abort();
  }
}
