/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.chainhead;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.rpc.api.RuntimeDescription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code chainHead_v1_followEvent} results as JSON-writable maps, fields in the spec's order.
 * {@code newRuntime} and {@code finalizedBlockRuntime} are left out when the subscription has no
 * {@code withRuntime}; {@code newRuntime} is {@code null} when the runtime did not change.
 */
final class FollowEvents {
  /** {@code {"event":"stop"}}. */
  static final Map<String, Object> STOP = Map.of("event", "stop");

  private FollowEvents() {}

  static Map<String, Object> initialized(
      List<Hash256> finalized, Optional<RuntimeDescription> runtime) {
    Map<String, Object> event = event("initialized");
    event.put("finalizedBlockHashes", finalized);
    runtime.ifPresent(r -> event.put("finalizedBlockRuntime", runtime(r)));
    return event;
  }

  /**
   * A {@code newBlock} event.
   *
   * @param newRuntime absent without {@code withRuntime}; else the changed runtime or empty
   */
  static Map<String, Object> newBlock(
      Hash256 block, Hash256 parent, Optional<Optional<RuntimeDescription>> newRuntime) {
    Map<String, Object> event = event("newBlock");
    event.put("blockHash", block);
    event.put("parentBlockHash", parent);
    newRuntime.ifPresent(r -> event.put("newRuntime", r.map(FollowEvents::runtime).orElse(null)));
    return event;
  }

  static Map<String, Object> bestBlockChanged(Hash256 best) {
    Map<String, Object> event = event("bestBlockChanged");
    event.put("bestBlockHash", best);
    return event;
  }

  static Map<String, Object> finalized(List<Hash256> finalized, List<Hash256> pruned) {
    Map<String, Object> event = event("finalized");
    event.put("finalizedBlockHashes", finalized);
    event.put("prunedBlockHashes", pruned);
    return event;
  }

  static Map<String, Object> bodyDone(String operationId, List<Bytes> extrinsics) {
    Map<String, Object> event = operation("operationBodyDone", operationId);
    event.put("value", extrinsics);
    return event;
  }

  static Map<String, Object> callDone(String operationId, Bytes output) {
    Map<String, Object> event = operation("operationCallDone", operationId);
    event.put("output", output);
    return event;
  }

  static Map<String, Object> storageItems(String operationId, List<Map<String, Object>> items) {
    Map<String, Object> event = operation("operationStorageItems", operationId);
    event.put("items", items);
    return event;
  }

  static Map<String, Object> waitingForContinue(String operationId) {
    return operation("operationWaitingForContinue", operationId);
  }

  static Map<String, Object> storageDone(String operationId) {
    return operation("operationStorageDone", operationId);
  }

  static Map<String, Object> operationError(String operationId, String error) {
    Map<String, Object> event = operation("operationError", operationId);
    event.put("error", error);
    return event;
  }

  /** The {@code started} answer of body, call and storage. */
  static Map<String, Object> started(String operationId, Optional<Integer> discardedItems) {
    Map<String, Object> result = new LinkedHashMap<>(4);
    result.put("result", "started");
    result.put("operationId", operationId);
    discardedItems.ifPresent(n -> result.put("discardedItems", n));
    return result;
  }

  /** The {@code limitReached} answer. */
  static Map<String, Object> limitReached() {
    return Map.of("result", "limitReached");
  }

  /** {@code {"type":"valid","spec":{…}}} or {@code {"type":"invalid","error":…}}. */
  static Map<String, Object> runtime(RuntimeDescription runtime) {
    Map<String, Object> json = new LinkedHashMap<>(4);
    switch (runtime) {
      case RuntimeDescription.Valid v -> {
        json.put("type", "valid");
        Map<String, Object> spec = new LinkedHashMap<>(8);
        spec.put("specName", v.specName());
        spec.put("implName", v.implName());
        spec.put("specVersion", v.specVersion());
        spec.put("implVersion", v.implVersion());
        spec.put("transactionVersion", v.transactionVersion());
        spec.put("apis", v.apis());
        json.put("spec", spec);
      }
      case RuntimeDescription.Invalid i -> {
        json.put("type", "invalid");
        json.put("error", i.error());
      }
    }
    return json;
  }

  private static Map<String, Object> event(String name) {
    Map<String, Object> event = new LinkedHashMap<>(4);
    event.put("event", name);
    return event;
  }

  private static Map<String, Object> operation(String name, String operationId) {
    Map<String, Object> event = event(name);
    event.put("operationId", operationId);
    return event;
  }
}
