/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.basalt.node.config.PrometheusConfig;
import io.basalt.node.failure.UserFacingException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Prometheus exporter: {@code /metrics} in the text format, {@code 404 Not found.} for any
 * other path, as Substrate's exporter answers. Stopped by {@link #close()}. A port in use refuses
 * the start with Substrate's words (Substrate itself drops that error and runs without an
 * exporter).
 *
 * <p>It runs on the JDK's built-in HTTP server: a scrape every few seconds needs no more, and it
 * adds no dependency (Netty is for the JSON-RPC server, with its WebSockets and limits).
 */
public final class PrometheusEndpoint implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("prometheus");
  private static final byte[] NOT_FOUND = "Not found.".getBytes(StandardCharsets.UTF_8);

  private final Optional<HttpServer> server;
  private final Optional<ExecutorService> executor;

  private PrometheusEndpoint(Optional<HttpServer> server, Optional<ExecutorService> executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving {@code metrics} where {@code config} says; nothing when it is disabled.
   *
   * @throws UserFacingException if the address cannot be bound (e.g. its port is in use)
   * @throws IllegalArgumentException if {@code metrics} are {@link NodeMetrics#disabled()}
   */
  public static PrometheusEndpoint start(PrometheusConfig config, NodeMetrics metrics) {
    if (config.listenAddress().isEmpty()) {
      return new PrometheusEndpoint(Optional.empty(), Optional.empty());
    }
    if (!metrics.exposed()) {
      throw new IllegalArgumentException("an exporter needs NodeMetrics.create, not disabled()");
    }
    InetSocketAddress address = config.listenAddress().get();
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (BindException e) {
      throw new UserFacingException(bindError(address, e), e);
    } catch (IOException e) {
      throw new UserFacingException(
          "Prometheus exporter cannot listen on " + text(address) + ": " + e.getMessage(), e);
    }
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("prometheus").daemon().factory());
    server.setExecutor(executor);
    server.createContext("/", exchange -> answer(exchange, metrics));
    server.start();
    LOG.info("〽️ Prometheus exporter started at {}", text(server.getAddress()));
    return new PrometheusEndpoint(Optional.of(server), Optional.of(executor));
  }

  /** Where it listens (the actual port when 0 was asked for); empty when disabled. */
  public Optional<InetSocketAddress> address() {
    return server.map(HttpServer::getAddress);
  }

  /** Stops listening at once and ends its thread; scrapes in flight are cut off. */
  @Override
  public void close() {
    server.ifPresent(s -> s.stop(0));
    executor.ifPresent(ExecutorService::shutdownNow);
  }

  private static void answer(HttpExchange exchange, NodeMetrics metrics) throws IOException {
    try (exchange) {
      boolean found = exchange.getRequestURI().getPath().equals("/metrics");
      byte[] body = found ? metrics.scrape().getBytes(StandardCharsets.UTF_8) : NOT_FOUND;
      if (found) {
        exchange.getResponseHeaders().set("Content-Type", PrometheusText.CONTENT_TYPE);
      }
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(found ? 200 : 404, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  /** Substrate's words for a port in use; the system's reason for anything else. */
  private static String bindError(InetSocketAddress address, BindException e) {
    String reason = String.valueOf(e.getMessage());
    if (reason.contains("in use")) {
      return "Prometheus port " + text(address) + " already in use.";
    }
    return "Prometheus exporter cannot listen on " + text(address) + ": " + reason;
  }

  /** {@code 127.0.0.1:9615}, as Substrate prints a socket address. */
  private static String text(InetSocketAddress address) {
    return address.getAddress().getHostAddress() + ":" + address.getPort();
  }
}
