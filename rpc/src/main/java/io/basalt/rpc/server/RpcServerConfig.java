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
    return builder().build();
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a configuration; every field starts at Substrate's default. */
  public static final class Builder {
    private InetSocketAddress listenAddress = RpcServerConfig.listenAddress(false, DEFAULT_PORT);
    private RpcMethodsPolicy methods = RpcMethodsPolicy.AUTO;
    private CorsPolicy cors = CorsPolicy.defaults();
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private long maxRequestBytes = DEFAULT_MAX_PAYLOAD_MIB * MIB;
    private long maxResponseBytes = DEFAULT_MAX_PAYLOAD_MIB * MIB;
    private int maxSubscriptionsPerConnection = DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION;
    private int messageBufferCapacity = DEFAULT_MESSAGE_BUFFER_CAPACITY;
    private OptionalInt rateLimitPerMinute = OptionalInt.empty();
    private BatchLimit batchLimit = BatchLimit.UNLIMITED;

    private Builder() {}

    public Builder listenAddress(InetSocketAddress address) {
      this.listenAddress = address;
      return this;
    }

    public Builder methods(RpcMethodsPolicy policy) {
      this.methods = policy;
      return this;
    }

    public Builder cors(CorsPolicy policy) {
      this.cors = policy;
      return this;
    }

    public Builder maxConnections(int connections) {
      this.maxConnections = connections;
      return this;
    }

    /** Request and response size limits in bytes. */
    public Builder payloadLimits(long requestBytes, long responseBytes) {
      this.maxRequestBytes = requestBytes;
      this.maxResponseBytes = responseBytes;
      return this;
    }

    public Builder maxSubscriptionsPerConnection(int subscriptions) {
      this.maxSubscriptionsPerConnection = subscriptions;
      return this;
    }

    public Builder messageBufferCapacity(int capacity) {
      this.messageBufferCapacity = capacity;
      return this;
    }

    public Builder rateLimitPerMinute(OptionalInt perMinute) {
      this.rateLimitPerMinute = perMinute;
      return this;
    }

    public Builder batchLimit(BatchLimit limit) {
      this.batchLimit = limit;
      return this;
    }

    /**
     * The configuration, with 8 worker threads and 1,024 queued calls.
     *
     * @throws IllegalArgumentException if a limit is not positive
     */
    public RpcServerConfig build() {
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
          batchLimit,
          8,
          1024);
    }
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
