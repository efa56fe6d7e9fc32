/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.server;

import io.basalt.rpc.dispatch.BatchLimit;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.OptionalInt;

/**
 * How the JSON-RPC server runs: sc-cli's {@code RpcParams} after folding, without picocli. Sizes
 * are in bytes here; the CLI takes MiB as Substrate does.
 *
 * @param listenAddress where to listen; a port in use falls back to a free one, as Substrate's
 *     default endpoint does ({@code retry_random_port})
 * @param methods {@code --rpc-methods}
 * @param cors {@code --rpc-cors}
 * @param maxConnections {@code --rpc-max-connections}
 * @param maxRequestBytes {@code --rpc-max-request-size} in bytes
 * @param maxResponseBytes {@code --rpc-max-response-size} in bytes
 * @param maxSubscriptionsPerConnection {@code --rpc-max-subscriptions-per-connection}
 * @param messageBufferCapacity {@code --rpc-message-buffer-capacity-per-connection}
 * @param rateLimitPerMinute {@code --rpc-rate-limit}, calls per minute per connection
 * @param batchLimit {@code --rpc-disable-batch-requests} / {@code --rpc-max-batch-request-len}
 * @param workerThreads threads running calls (not a Substrate option)
 * @param workerQueue calls waiting for a thread before new ones get {@code -32009 Server is busy}
 */
public record RpcServerConfig(
    InetSocketAddress listenAddress,
    RpcMethodsPolicy methods,
    CorsPolicy cors,
    int maxConnections,
    long maxRequestBytes,
    long maxResponseBytes,
    int maxSubscriptionsPerConnection,
    int messageBufferCapacity,
    OptionalInt rateLimitPerMinute,
    BatchLimit batchLimit,
    int workerThreads,
    int workerQueue) {
  /** Substrate's {@code --rpc-port} default. */
  public static final int DEFAULT_PORT = 9944;

  /** Substrate's {@code RPC_DEFAULT_MAX_CONNECTIONS}. */
  public static final int DEFAULT_MAX_CONNECTIONS = 100;

  /** Substrate's {@code RPC_DEFAULT_MAX_REQUEST_SIZE_MB} and {@code …RESPONSE_SIZE_MB}. */
  public static final int DEFAULT_MAX_PAYLOAD_MIB = 15;

  /** Substrate's {@code RPC_DEFAULT_MAX_SUBS_PER_CONN}. */
  public static final int DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION = 1024;

  /** Substrate's {@code RPC_DEFAULT_MESSAGE_CAPACITY_PER_CONN}. */
  public static final int DEFAULT_MESSAGE_BUFFER_CAPACITY = 64;

  /** One MiB, the unit of the size options (sc-rpc-server's {@code MEGABYTE}). */
  public static final long MIB = 1024L * 1024;

  public RpcServerConfig {
    positive(maxConnections, "maxConnections");
    positive(maxRequestBytes, "maxRequestBytes");
    positive(maxResponseBytes, "maxResponseBytes");
    positive(maxSubscriptionsPerConnection, "maxSubscriptionsPerConnection");
    positive(messageBufferCapacity, "messageBufferCapacity");
    positive(workerThreads, "workerThreads");
    positive(workerQueue, "workerQueue");
    rateLimitPerMinute.ifPresent(n -> positive(n, "rateLimitPerMinute"));
  }

  private static void positive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  /** Substrate's defaults: 127.0.0.1:9944, auto, the default origins, 100 connections… */
  public static RpcServerConfig defaults() {
    return new RpcServerConfig(
        listenAddress(false, DEFAULT_PORT),
        RpcMethodsPolicy.AUTO,
        CorsPolicy.defaults(),
        DEFAULT_MAX_CONNECTIONS,
        DEFAULT_MAX_PAYLOAD_MIB * MIB,
        DEFAULT_MAX_PAYLOAD_MIB * MIB,
        DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION,
        DEFAULT_MESSAGE_BUFFER_CAPACITY,
        OptionalInt.empty(),
        BatchLimit.UNLIMITED,
        8,
        1024);
  }

  public RpcServerConfig withListenAddress(InetSocketAddress address) {
    return new RpcServerConfig(
        address,
        methods,
        cors,
        maxConnections,
        maxRequestBytes,
        maxResponseBytes,
        maxSubscriptionsPerConnection,
        messageBufferCapacity,
        rateLimitPerMinute,
        batchLimit,
        workerThreads,
        workerQueue);
  }

  public RpcServerConfig withMethods(RpcMethodsPolicy policy) {
    return new RpcServerConfig(
        listenAddress,
        policy,
        cors,
        maxConnections,
        maxRequestBytes,
        maxResponseBytes,
        maxSubscriptionsPerConnection,
        messageBufferCapacity,
        rateLimitPerMinute,
        batchLimit,
        workerThreads,
        workerQueue);
  }

  public RpcServerConfig withCors(CorsPolicy policy) {
    return new RpcServerConfig(
        listenAddress,
        methods,
        policy,
        maxConnections,
        maxRequestBytes,
        maxResponseBytes,
        maxSubscriptionsPerConnection,
        messageBufferCapacity,
        rateLimitPerMinute,
        batchLimit,
        workerThreads,
        workerQueue);
  }

  public RpcServerConfig withMaxConnections(int connections) {
    return new RpcServerConfig(
        listenAddress,
        methods,
        cors,
        connections,
        maxRequestBytes,
        maxResponseBytes,
        maxSubscriptionsPerConnection,
        messageBufferCapacity,
        rateLimitPerMinute,
        batchLimit,
        workerThreads,
        workerQueue);
  }

  public RpcServerConfig withPayloadLimits(long requestBytes, long responseBytes) {
    return new RpcServerConfig(
        listenAddress,
        methods,
        cors,
        maxConnections,
        requestBytes,
        responseBytes,
        maxSubscriptionsPerConnection,
        messageBufferCapacity,
        rateLimitPerMinute,
        batchLimit,
        workerThreads,
        workerQueue);
  }

  public RpcServerConfig withMaxSubscriptionsPerConnection(int subscriptions) {
    return new RpcServerConfig(
        listenAddress,
        methods,
        cors,
        maxConnections,
        maxRequestBytes,
        maxResponseBytes,
        subscriptions,
        messageBufferCapacity,
        rateLimitPerMinute,
        batchLimit,
        workerThreads,
        workerQueue);
  }

  public RpcServerConfig withMessageBufferCapacity(int capacity) {
    return new RpcServerConfig(
        listenAddress,
        methods,
        cors,
        maxConnections,
        maxRequestBytes,
        maxResponseBytes,
        maxSubscriptionsPerConnection,
        capacity,
        rateLimitPerMinute,
        batchLimit,
        workerThreads,
        workerQueue);
  }

  public RpcServerConfig withRateLimit(OptionalInt perMinute) {
    return new RpcServerConfig(
        listenAddress,
        methods,
        cors,
        maxConnections,
        maxRequestBytes,
        maxResponseBytes,
        maxSubscriptionsPerConnection,
        messageBufferCapacity,
        perMinute,
        batchLimit,
        workerThreads,
        workerQueue);
  }

  public RpcServerConfig withBatchLimit(BatchLimit limit) {
    return new RpcServerConfig(
        listenAddress,
        methods,
        cors,
        maxConnections,
        maxRequestBytes,
        maxResponseBytes,
        maxSubscriptionsPerConnection,
        messageBufferCapacity,
        rateLimitPerMinute,
        limit,
        workerThreads,
        workerQueue);
  }

  /**
   * Substrate's interface for {@code --rpc-port}: 127.0.0.1, or 0.0.0.0 with {@code --rpc-external}
   * / {@code --unsafe-rpc-external}.
   */
  public static InetSocketAddress listenAddress(boolean external, int port) {
    byte[] ip = external ? new byte[] {0, 0, 0, 0} : new byte[] {127, 0, 0, 1};
    try {
      return new InetSocketAddress(InetAddress.getByAddress(ip), port);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4-byte address is always valid", e);
    }
  }

  /** Whether unsafe methods are refused, given the address actually bound. */
  public boolean deniesUnsafe() {
    return methods.deniesUnsafe(listenAddress.getAddress());
  }
}
