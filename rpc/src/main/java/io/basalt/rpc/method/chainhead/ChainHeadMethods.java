/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.chainhead;

import static io.basalt.rpc.dispatch.Safety.SAFE;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.rpc.api.BlockQueryException;
import io.basalt.rpc.api.ChainHeadApi;
import io.basalt.rpc.dispatch.CallScope;
import io.basalt.rpc.dispatch.MethodGroup;
import io.basalt.rpc.dispatch.MethodRegistry;
import io.basalt.rpc.dispatch.ParamType;
import io.basalt.rpc.dispatch.Params;
import io.basalt.rpc.dispatch.RpcError;
import io.basalt.rpc.dispatch.SubscriptionNames;
import io.basalt.rpc.method.blockstorage.BlockStorage;
import io.basalt.rpc.method.blockstorage.StorageItem;
import io.basalt.rpc.subscription.SubscriptionBuffer;
import io.basalt.rpc.subscription.SubscriptionManager;
import io.basalt.rpc.subscription.SubscriptionSink;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * The {@code chainHead_v1_*} methods (json-rpc-interface-spec {@code chainHead}, sc-rpc-spec-v2's
 * {@code ChainHead}): {@code follow}/{@code unfollow} with {@code chainHead_v1_followEvent}, and
 * {@code header}, {@code body}, {@code call}, {@code storage}, {@code continue}, {@code
 * stopOperation}, {@code unpin} on the blocks a follow subscription of the same connection
 * reported.
 *
 * <p>A follow id that is unknown, stopped or another connection's makes {@code header} answer
 * {@code null}, {@code body}/{@code call}/{@code storage} answer {@code limitReached}, and the
 * others do nothing, as the spec says. A block the subscription did not report, or unpinned, is
 * {@code -32801}. Body, call and storage answer {@code started} with an operation id at once and
 * work on the group's pool only after that answer is on its way, so their events follow it.
 */
public final class ChainHeadMethods implements MethodGroup {
  private static final ParamType<List<Hash256>> HASH_OR_HASHES =
      new ParamType<>("a 32-byte hex hash or an array of them", ChainHeadMethods::hashOrHashes);

  private final ChainHeadApi chain;
  private final ChainHeadLimits limits;
  private final FollowRegistry registry;
  private final Executor pool;

  /**
   * The group.
   *
   * @param pool where follow events and operations run (a few threads; operations may block on
   *     storage and the runtime)
   * @param nanoTime the clock of the pinning limits ({@link System#nanoTime} outside tests)
   */
  public ChainHeadMethods(
      ChainHeadApi chain, ChainHeadLimits limits, Executor pool, LongSupplier nanoTime) {
    this.chain = chain;
    this.limits = limits;
    this.registry = new FollowRegistry(limits, nanoTime);
    this.pool = pool;
  }

  @Override
  public void register(MethodRegistry methods) {
    methods.subscription(
        SubscriptionNames.of(
            "chainHead_v1_follow", "chainHead_v1_followEvent", "chainHead_v1_unfollow"),
        SAFE,
        SubscriptionBuffer.of(limits.followBuffer()).endingWith(FollowEvents.STOP),
        this::follow);
    methods.call("chainHead_v1_header", SAFE, this::header);
    methods.call("chainHead_v1_body", SAFE, this::body);
    methods.call("chainHead_v1_call", SAFE, this::call);
    methods.call("chainHead_v1_storage", SAFE, this::storage);
    methods.call("chainHead_v1_continue", SAFE, this::continueOperation);
    methods.call("chainHead_v1_stopOperation", SAFE, this::stopOperation);
    methods.call("chainHead_v1_unpin", SAFE, this::unpin);
  }

  /** How many distinct blocks the follow subscriptions pin together (for tests and metrics). */
  public int pinnedBlocks() {
    return registry.pinnedBlocks();
  }

  private void follow(Params params, SubscriptionSink sink, CallScope scope) {
    boolean withRuntime = params.required(0, "withRuntime", ParamType.BOOLEAN);
    SubscriptionManager connection =
        scope.subscriptions().orElseThrow(RpcError.INTERNAL_ERROR::exception);
    Follow follow = new Follow(sink, connection, withRuntime, registry, chain, pool);
    registry.add(follow);
    follow.start();
  }

  private Object header(Params params, CallScope scope) {
    String followId = params.required(0, "followSubscription", ParamType.STRING);
    Hash256 hash = params.required(1, "hash", ParamType.HASH);
    Optional<Follow> follow = registry.find(followId, scope.subscriptions());
    if (follow.isEmpty()) {
      return null;
    }
    follow.get().requirePinned(hash);
    return chain.header(hash).orElse(null);
  }

  private Object body(Params params, CallScope scope) {
    String followId = params.required(0, "followSubscription", ParamType.STRING);
    Hash256 hash = params.required(1, "hash", ParamType.HASH);
    Optional<Follow> follow = registry.find(followId, scope.subscriptions());
    if (follow.isEmpty()) {
      return FollowEvents.limitReached();
    }
    Optional<Operation> started = follow.get().startOperation(hash, 1);
    if (started.isEmpty()) {
      return FollowEvents.limitReached();
    }
    Operation operation = started.get();
    scope.afterResponse(
        () ->
            pool.execute(
                () -> follow.get().finish(operation, Optional.of(bodyEvent(operation, hash)))));
    return FollowEvents.started(operation.id(), Optional.empty());
  }

  private Map<String, Object> bodyEvent(Operation operation, Hash256 hash) {
    try {
      return chain
          .body(hash)
          .<Map<String, Object>>map(body -> FollowEvents.bodyDone(operation.id(), body))
          .orElseGet(
              () ->
                  FollowEvents.operationError(
                      operation.id(), "the body of block " + hash + " is not available"));
    } catch (BlockQueryException e) {
      return FollowEvents.operationError(operation.id(), e.getMessage());
    }
  }

  private Object call(Params params, CallScope scope) {
    String followId = params.required(0, "followSubscription", ParamType.STRING);
    Hash256 hash = params.required(1, "hash", ParamType.HASH);
    String function = params.required(2, "function", ParamType.STRING);
    String parametersText = params.required(3, "callParameters", ParamType.STRING);
    Bytes parameters =
        BlockStorage.hex(parametersText)
            .orElseThrow(() -> ChainHeadErrors.invalidParam(parametersText));
    Optional<Follow> follow = registry.find(followId, scope.subscriptions());
    if (follow.isEmpty()) {
      return FollowEvents.limitReached();
    }
    Optional<Operation> started = follow.get().startOperation(hash, 1);
    if (started.isEmpty()) {
      return FollowEvents.limitReached();
    }
    Operation operation = started.get();
    if (!follow.get().withRuntime()) {
      follow.get().finish(operation, Optional.empty());
      throw ChainHeadErrors.invalidRuntimeCall();
    }
    scope.afterResponse(
        () ->
            pool.execute(
                () ->
                    follow
                        .get()
                        .finish(
                            operation,
                            Optional.of(callEvent(operation, hash, function, parameters)))));
    return FollowEvents.started(operation.id(), Optional.empty());
  }

  private Map<String, Object> callEvent(
      Operation operation, Hash256 hash, String function, Bytes parameters) {
    try {
      return FollowEvents.callDone(operation.id(), chain.call(hash, function, parameters));
    } catch (BlockQueryException e) {
      return FollowEvents.operationError(operation.id(), e.getMessage());
    }
  }

  private Object storage(Params params, CallScope scope) {
    String followId = params.required(0, "followSubscription", ParamType.STRING);
    Hash256 hash = params.required(1, "hash", ParamType.HASH);
    List<StorageItem> requested = params.required(2, "items", StorageItem.LIST);
    Optional<String> childText = params.optional(3, "childTrie", ParamType.STRING);
    Optional<Follow> follow = registry.find(followId, scope.subscriptions());
    if (follow.isEmpty()) {
      return FollowEvents.limitReached();
    }
    List<StorageRun.Item> items = new ArrayList<>(requested.size());
    for (StorageItem item : requested) {
      Bytes key =
          BlockStorage.hex(item.key()).orElseThrow(() -> ChainHeadErrors.invalidParam(item.key()));
      items.add(new StorageRun.Item(key, item.type()));
    }
    Optional<Bytes> childTrie =
        childText.map(
            text -> BlockStorage.hex(text).orElseThrow(() -> ChainHeadErrors.invalidParam(text)));
    Optional<Operation> started = follow.get().startOperation(hash, items.size());
    if (started.isEmpty()) {
      return FollowEvents.limitReached();
    }
    Operation operation = started.get();
    int discarded = items.size() - operation.slots();
    StorageRun run =
        new StorageRun(
            follow.get(),
            operation,
            new BlockStorage(chain, hash, childTrie),
            items.subList(0, operation.slots()),
            childTrie,
            limits.storageItemsPerPage(),
            pool);
    scope.afterResponse(() -> pool.execute(run::start));
    return FollowEvents.started(operation.id(), Optional.of(discarded));
  }

  private Object continueOperation(Params params, CallScope scope) {
    String followId = params.required(0, "followSubscription", ParamType.STRING);
    String operationId = params.required(1, "operationId", ParamType.STRING);
    registry
        .find(followId, scope.subscriptions())
        .flatMap(follow -> follow.continueOperation(operationId))
        .ifPresent(Runnable::run);
    return null;
  }

  private Object stopOperation(Params params, CallScope scope) {
    String followId = params.required(0, "followSubscription", ParamType.STRING);
    String operationId = params.required(1, "operationId", ParamType.STRING);
    registry
        .find(followId, scope.subscriptions())
        .ifPresent(follow -> follow.stopOperation(operationId));
    return null;
  }

  private Object unpin(Params params, CallScope scope) {
    String followId = params.required(0, "followSubscription", ParamType.STRING);
    List<Hash256> hashes = params.required(1, "hashOrHashes", HASH_OR_HASHES);
    Optional<Follow> follow = registry.find(followId, scope.subscriptions());
    if (follow.isEmpty()) {
      return null;
    }
    if (new HashSet<>(hashes).size() != hashes.size()) {
      throw ChainHeadErrors.duplicateHashes();
    }
    follow.get().unpin(hashes);
    return null;
  }

  private static Optional<List<Hash256>> hashOrHashes(JsonNode node) {
    if (!node.isArray()) {
      return ParamType.HASH.parse(node).map(List::of);
    }
    List<Hash256> hashes = new ArrayList<>(node.size());
    for (JsonNode element : node) {
      Optional<Hash256> hash = ParamType.HASH.parse(element);
      if (hash.isEmpty()) {
        return Optional.empty();
      }
      hashes.add(hash.get());
    }
    return Optional.of(List.copyOf(hashes));
  }
}
