/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.transaction;

import static io.basalt.rpc.dispatch.Safety.SAFE;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.rpc.api.TransactionApi;
import io.basalt.rpc.api.TransactionBlock;
import io.basalt.rpc.api.TransactionEvent;
import io.basalt.rpc.dispatch.CallScope;
import io.basalt.rpc.dispatch.MethodGroup;
import io.basalt.rpc.dispatch.MethodRegistry;
import io.basalt.rpc.dispatch.ParamType;
import io.basalt.rpc.dispatch.Params;
import io.basalt.rpc.dispatch.RpcError;
import io.basalt.rpc.dispatch.RpcException;
import io.basalt.rpc.dispatch.SubscriptionNames;
import io.basalt.rpc.subscription.SubscriptionSink;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code transaction_v1_*} and {@code transactionWatch_v1_*} methods (json-rpc-interface-spec,
 * sc-rpc-spec-v2's {@code TransactionBroadcast} and {@code Transaction}).
 *
 * <ul>
 *   <li>{@code transactionWatch_v1_submitAndWatch(transaction)} subscribes to {@code
 *       transactionWatch_v1_watchEvent}s ({@code validated}, {@code bestChainBlockIncluded}, {@code
 *       finalized}, {@code error}, {@code invalid}, {@code dropped}); the subscription ends after a
 *       final event; {@code transactionWatch_v1_unwatch} stops watching (the transaction stays in
 *       the pool).
 *   <li>{@code transaction_v1_broadcast(transaction)} answers an operation id, or {@code null} when
 *       the connection broadcasts {@value #MAX_BROADCASTS_PER_CONNECTION} already (Substrate's
 *       limit); {@code transaction_v1_stop(operationId)} ends it, or fails with {@code -32602
 *       "Invalid operation id"} for an id this connection does not broadcast.
 * </ul>
 */
public final class TransactionMethods implements MethodGroup {
  /** Broadcasts a connection may run at once. */
  public static final int MAX_BROADCASTS_PER_CONNECTION = 16;

  private static final Logger LOG = LoggerFactory.getLogger("rpc");

  private final TransactionApi transactions;
  private final Supplier<String> operationIds;
  private final Map<String, Broadcast> broadcasts = new HashMap<>();
  private final Map<Object, Integer> perConnection = new HashMap<>();

  /**
   * The group.
   *
   * @param operationIds broadcast operation ids (Substrate: 16 random alphanumeric characters)
   */
  public TransactionMethods(TransactionApi transactions, Supplier<String> operationIds) {
    this.transactions = transactions;
    this.operationIds = operationIds;
  }

  /** A broadcast in progress, owned by one connection. */
  private record Broadcast(Object connection, AutoCloseable handle) {}

  @Override
  public void register(MethodRegistry methods) {
    methods.subscription(
        SubscriptionNames.of(
            "transactionWatch_v1_submitAndWatch",
            "transactionWatch_v1_watchEvent",
            "transactionWatch_v1_unwatch"),
        SAFE,
        this::submitAndWatch);
    methods.call("transaction_v1_broadcast", SAFE, this::broadcast);
    methods.call("transaction_v1_stop", SAFE, this::stop);
  }

  private void submitAndWatch(Params params, SubscriptionSink sink) {
    Bytes transaction = params.required(0, "transaction", ParamType.BYTES);
    AutoCloseable watch =
        transactions.submitAndWatch(
            transaction,
            event -> {
              sink.send(json(event));
              if (event.isFinal()) {
                sink.close();
              }
            });
    sink.onClose(() -> close(watch));
  }

  private Object broadcast(Params params, CallScope scope) {
    Bytes transaction = params.required(0, "transaction", ParamType.BYTES);
    Object connection = scope.subscriptions().map(Object.class::cast).orElseGet(Object::new);
    String id;
    synchronized (broadcasts) {
      int running = perConnection.getOrDefault(connection, 0);
      if (running >= MAX_BROADCASTS_PER_CONNECTION) {
        return null;
      }
      do {
        id = operationIds.get();
      } while (broadcasts.containsKey(id));
      perConnection.put(connection, running + 1);
      broadcasts.put(id, new Broadcast(connection, () -> {}));
    }
    String operationId = id;
    AutoCloseable handle = transactions.broadcast(transaction, () -> forget(operationId));
    synchronized (broadcasts) {
      Broadcast placeholder = broadcasts.get(operationId);
      if (placeholder == null) {
        return operationId; // already over
      }
      broadcasts.put(operationId, new Broadcast(connection, handle));
    }
    return operationId;
  }

  private Object stop(Params params, CallScope scope) {
    String operationId = params.required(0, "operationId", ParamType.STRING);
    Optional<Object> connection = scope.subscriptions().map(Object.class::cast);
    Broadcast broadcast;
    synchronized (broadcasts) {
      broadcast = broadcasts.get(operationId);
      if (broadcast == null
          || connection.isEmpty()
          || !broadcast.connection().equals(connection.get())) {
        throw new RpcException(RpcError.INVALID_PARAMS.code(), "Invalid operation id", null);
      }
    }
    forget(operationId);
    close(broadcast.handle());
    return null;
  }

  private void forget(String operationId) {
    synchronized (broadcasts) {
      Broadcast broadcast = broadcasts.remove(operationId);
      if (broadcast != null) {
        perConnection.computeIfPresent(broadcast.connection(), (c, n) -> n == 1 ? null : n - 1);
      }
    }
  }

  private static void close(AutoCloseable handle) {
    try {
      handle.close();
    } catch (Exception e) {
      LOG.debug("Stopping a transaction watch or broadcast failed: {}", e.toString());
    }
  }

  /** An event as {@code transactionWatch_v1_watchEvent}'s result. */
  static Map<String, Object> json(TransactionEvent event) {
    Map<String, Object> json = new LinkedHashMap<>(4);
    switch (event) {
      case TransactionEvent.Validated v -> json.put("event", "validated");
      case TransactionEvent.BestChainBlockIncluded b -> {
        json.put("event", "bestChainBlockIncluded");
        json.put("block", b.block().map(TransactionMethods::block).orElse(null));
      }
      case TransactionEvent.Finalized f -> {
        json.put("event", "finalized");
        json.put("block", block(f.block()));
      }
      case TransactionEvent.Failed e -> {
        json.put("event", "error");
        json.put("error", e.error());
      }
      case TransactionEvent.Invalid i -> {
        json.put("event", "invalid");
        json.put("error", i.error());
      }
      case TransactionEvent.Dropped d -> {
        json.put("event", "dropped");
        json.put("error", d.error());
      }
    }
    return json;
  }

  private static Map<String, Object> block(TransactionBlock block) {
    Map<String, Object> json = new LinkedHashMap<>(2);
    json.put("hash", block.hash());
    json.put("index", block.index());
    return json;
  }
}
