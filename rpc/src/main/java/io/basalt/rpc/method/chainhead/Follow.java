/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.chainhead;

import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.cache.LruMap;
import io.basalt.rpc.api.BlockLink;
import io.basalt.rpc.api.BlockQueryException;
import io.basalt.rpc.api.ChainHeadApi;
import io.basalt.rpc.api.HeadEvent;
import io.basalt.rpc.api.HeadSnapshot;
import io.basalt.rpc.api.RuntimeDescription;
import io.basalt.rpc.subscription.SubscriptionManager;
import io.basalt.rpc.subscription.SubscriptionSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code chainHead_v1_follow} subscription (sc-rpc-spec-v2's {@code ChainHeadFollower} with its
 * {@code SubscriptionState}): it turns the node's {@link HeadEvent}s into the spec's events, keeps
 * the blocks it reported pinned until the client unpins them, and holds the subscription's
 * operations.
 *
 * <p>Chain events and the start run one at a time, in order, on the subscription's {@link
 * OrderedTasks}: the start registers for events first and then reads the head, so nothing falls
 * between the two, and events the head already shows are recognised and skipped. Each block is
 * reported once: {@code newBlock} only when its parent is the finalized block or was reported, a
 * {@code finalized} event only with blocks above the last finalized one, {@code prunedBlockHashes}
 * only with reported blocks. The state is guarded by the {@link FollowRegistry}'s monitor, under
 * which every notification is queued, so none follows a {@code stop}.
 */
final class Follow {
  private static final Logger LOG = LoggerFactory.getLogger("rpc");
  private static final int RUNTIME_CACHE = 64;

  private final String id;
  private final SubscriptionSink sink;
  private final SubscriptionManager connection;
  private final boolean withRuntime;
  private final FollowRegistry registry;
  private final ChainHeadApi chain;
  private final OrderedTasks tasks;
  private final Map<Hash256, RuntimeDescription> runtimes = new LruMap<>(RUNTIME_CACHE);

  // Guarded by registry.
  private final Map<Hash256, Long> pinnedAt = new HashMap<>();
  private final Map<Hash256, Long> reported = new HashMap<>();
  private final Map<String, Operation> operations = new HashMap<>();
  private BlockLink finalized;
  private Hash256 best;
  private int freeSlots;
  private long nextOperationId;
  private boolean stopped;
  private AutoCloseable chainEvents;

  Follow(
      SubscriptionSink sink,
      SubscriptionManager connection,
      boolean withRuntime,
      FollowRegistry registry,
      ChainHeadApi chain,
      Executor pool) {
    this.id = sink.id();
    this.sink = sink;
    this.connection = connection;
    this.withRuntime = withRuntime;
    this.registry = registry;
    this.chain = chain;
    this.tasks = new OrderedTasks(pool);
    this.freeSlots = registry.limits().maxOperations();
  }

  String id() {
    return id;
  }

  SubscriptionManager connection() {
    return connection;
  }

  boolean withRuntime() {
    return withRuntime;
  }

  /** Starts reporting: the initial events, then the chain's changes. */
  void start() {
    sink.onClose(this::release);
    tasks.execute(this::initialize);
  }

  // ------------------------------------------------------------------ events

  private void initialize() {
    AutoCloseable events;
    try {
      events = chain.follow(event -> tasks.execute(() -> on(event)));
    } catch (RuntimeException e) {
      LOG.debug("[follow][id={}] cannot follow the chain: {}", id, e.toString());
      stop();
      return;
    }
    synchronized (registry) {
      chainEvents = events;
      if (stopped) {
        closeEvents();
        return;
      }
    }
    HeadSnapshot head;
    try {
      head = chain.head();
    } catch (RuntimeException e) {
      LOG.debug("[follow][id={}] cannot read the head of the chain: {}", id, e.toString());
      stop();
      return;
    }
    BlockLink fin = head.finalized();
    for (BlockLink block : head.descendants()) {
      if (block.number() - fin.number() > registry.limits().maxLaggingDistance()) {
        LOG.debug("[follow][id={}] leaf #{} too far above the finalized block", id, block.number());
        registry.stopAll();
        return;
      }
    }
    Optional<RuntimeDescription> finalizedRuntime =
        withRuntime ? Optional.of(runtime(fin.hash())) : Optional.empty();
    List<Map<String, Object>> newBlocks = new ArrayList<>(head.descendants().size());
    for (BlockLink block : head.descendants()) {
      newBlocks.add(FollowEvents.newBlock(block.hash(), block.parent(), newRuntime(block)));
    }
    synchronized (registry) {
      if (stopped || !pin(fin.hash())) {
        return;
      }
      finalized = fin;
      best = fin.hash();
      reported.put(fin.hash(), fin.number());
      emit(FollowEvents.initialized(List.of(fin.hash()), finalizedRuntime));
      for (int i = 0; i < head.descendants().size(); i++) {
        BlockLink block = head.descendants().get(i);
        if (!reported.containsKey(block.parent())) {
          continue;
        }
        if (!pin(block.hash())) {
          return;
        }
        reported.put(block.hash(), block.number());
        emit(newBlocks.get(i));
      }
      if (reported.containsKey(head.best()) && !head.best().equals(fin.hash())) {
        best = head.best();
        emit(FollowEvents.bestBlockChanged(best));
      }
    }
  }

  private void on(HeadEvent event) {
    switch (event) {
      case HeadEvent.NewBlock n -> onNewBlock(n.block(), n.best());
      case HeadEvent.Finalized f -> onFinalized(f);
      case HeadEvent.BestSet b -> onBestSet(b);
    }
  }

  /**
   * A head set on request: a best block among those reported is announced; one this subscription
   * cannot describe (finality went back, or a block it never reported) ends it with {@code stop},
   * after which the client follows afresh.
   */
  private void onBestSet(HeadEvent.BestSet event) {
    synchronized (registry) {
      if (stopped || finalized == null) {
        return;
      }
      if (event.finalityReverted() || !reported.containsKey(event.best())) {
        stop();
        return;
      }
      if (!event.best().equals(best)) {
        best = event.best();
        emit(FollowEvents.bestBlockChanged(best));
      }
    }
  }

  private void onNewBlock(BlockLink block, boolean isBest) {
    boolean fresh;
    synchronized (registry) {
      if (stopped || finalized == null) {
        return;
      }
      fresh = !reported.containsKey(block.hash()) && reported.containsKey(block.parent());
    }
    Optional<Optional<RuntimeDescription>> runtime = fresh ? newRuntime(block) : Optional.empty();
    synchronized (registry) {
      if (stopped) {
        return;
      }
      if (fresh) {
        if (!pin(block.hash())) {
          return;
        }
        reported.put(block.hash(), block.number());
        emit(FollowEvents.newBlock(block.hash(), block.parent(), runtime));
      }
      if (isBest && reported.containsKey(block.hash()) && !block.hash().equals(best)) {
        best = block.hash();
        emit(FollowEvents.bestBlockChanged(best));
      }
    }
  }

  private void onFinalized(HeadEvent.Finalized event) {
    List<BlockLink> fresh = new ArrayList<>();
    List<BlockLink> unreported = new ArrayList<>();
    synchronized (registry) {
      if (stopped || finalized == null) {
        return;
      }
      for (BlockLink block : event.finalized()) {
        if (block.number() > finalized.number()) {
          fresh.add(block);
          if (!reported.containsKey(block.hash())) {
            unreported.add(block);
          }
        }
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    Map<Hash256, Optional<Optional<RuntimeDescription>>> runtimes = new HashMap<>();
    for (BlockLink block : unreported) {
      runtimes.put(block.hash(), newRuntime(block));
    }
    synchronized (registry) {
      if (stopped) {
        return;
      }
      // Finalized before it was reported (Substrate's generate_finalized_events): report it now.
      for (BlockLink block : unreported) {
        if (!reported.containsKey(block.parent())) {
          LOG.debug("[follow][id={}] finalized #{} has an unknown parent", id, block.number());
          stop();
          return;
        }
        if (!pin(block.hash())) {
          return;
        }
        reported.put(block.hash(), block.number());
        emit(FollowEvents.newBlock(block.hash(), block.parent(), runtimes.get(block.hash())));
      }
      List<Hash256> pruned = new ArrayList<>();
      for (Hash256 hash : event.pruned()) {
        if (reported.containsKey(hash)) {
          pruned.add(hash);
        }
      }
      BlockLink last = fresh.getLast();
      if (pruned.contains(best)) {
        Hash256 newBest = reported.containsKey(event.best()) ? event.best() : last.hash();
        best = newBest;
        emit(FollowEvents.bestBlockChanged(newBest));
      }
      emit(FollowEvents.finalized(fresh.stream().map(BlockLink::hash).toList(), pruned));
      finalized = last;
      pruned.forEach(reported::remove);
      reported.values().removeIf(number -> number < last.number());
    }
  }

  /** Whether the runtime changed at {@code block}: absent without {@code withRuntime}. */
  private Optional<Optional<RuntimeDescription>> newRuntime(BlockLink block) {
    if (!withRuntime) {
      return Optional.empty();
    }
    RuntimeDescription mine = runtime(block.hash());
    RuntimeDescription parents = runtime(block.parent());
    return Optional.of(mine.equals(parents) ? Optional.empty() : Optional.of(mine));
  }

  /** The runtime at a block; runs on the subscription's task thread only. */
  private RuntimeDescription runtime(Hash256 block) {
    RuntimeDescription known = runtimes.get(block);
    if (known != null) {
      return known;
    }
    RuntimeDescription runtime;
    try {
      runtime = chain.runtime(block);
    } catch (BlockQueryException e) {
      runtime = new RuntimeDescription.Invalid(e.getMessage());
    }
    runtimes.put(block, runtime);
    return runtime;
  }

  // ------------------------------------------------------------------ pinning (under registry)

  private boolean pin(Hash256 block) {
    if (pinnedAt.containsKey(block)) {
      return true;
    }
    if (!registry.pin(this, block)) {
      return false;
    }
    pinnedAt.put(block, registry.now());
    return true;
  }

  /** When the oldest block still pinned was pinned; {@code now} if none is. */
  long oldestPin(long now) {
    long oldest = now;
    for (long at : pinnedAt.values()) {
      oldest = Math.min(oldest, at);
    }
    return oldest;
  }

  /**
   * Unpins blocks, all or none.
   *
   * @throws io.basalt.rpc.dispatch.RpcException -32801 if one is not pinned by this subscription
   */
  void unpin(List<Hash256> blocks) {
    synchronized (registry) {
      if (stopped) {
        return;
      }
      for (Hash256 block : blocks) {
        if (!pinnedAt.containsKey(block)) {
          throw ChainHeadErrors.invalidBlock();
        }
      }
      for (Hash256 block : blocks) {
        pinnedAt.remove(block);
        registry.unpin(block);
      }
    }
  }

  /**
   * Checks that the block is pinned.
   *
   * @throws io.basalt.rpc.dispatch.RpcException -32801 if it is not
   */
  void requirePinned(Hash256 block) {
    synchronized (registry) {
      if (!pinnedAt.containsKey(block)) {
        throw ChainHeadErrors.invalidBlock();
      }
    }
  }

  // ------------------------------------------------------------------ operations

  /**
   * Starts an operation on a pinned block with up to {@code wanted} slots.
   *
   * @return empty when no slot is free (or the subscription stopped): {@code limitReached}
   * @throws io.basalt.rpc.dispatch.RpcException -32801 if the block is not pinned
   */
  Optional<Operation> startOperation(Hash256 block, int wanted) {
    synchronized (registry) {
      if (stopped) {
        return Optional.empty();
      }
      if (!pinnedAt.containsKey(block)) {
        throw ChainHeadErrors.invalidBlock();
      }
      int slots = Math.min(freeSlots, wanted);
      if (slots <= 0) {
        return Optional.empty();
      }
      freeSlots -= slots;
      Operation operation = new Operation(String.valueOf(nextOperationId++), slots);
      operations.put(operation.id(), operation);
      return Optional.of(operation);
    }
  }

  /** Whether an operation (or its subscription) was stopped. */
  boolean isStopped(Operation operation) {
    synchronized (registry) {
      return stopped || operation.isStopped();
    }
  }

  /** Sends an operation's event unless the operation or the subscription was stopped. */
  boolean send(Operation operation, Map<String, Object> event) {
    synchronized (registry) {
      return !operation.isStopped() && emit(event);
    }
  }

  /** Sends the operation's last event (if it still may) and gives its slots back. */
  void finish(Operation operation, Optional<Map<String, Object>> lastEvent) {
    synchronized (registry) {
      lastEvent.ifPresent(event -> send(operation, event));
      if (operation.finish()) {
        operations.remove(operation.id());
        freeSlots += operation.slots();
      }
    }
  }

  /**
   * Waits for {@code chainHead_v1_continue} after sending {@code operationWaitingForContinue}; if
   * the operation was stopped meanwhile it finishes instead.
   */
  void waitForContinue(Operation operation, Runnable next) {
    synchronized (registry) {
      if (operation.isStopped() || stopped) {
        finish(operation, Optional.empty());
        return;
      }
      operation.waitFor(next);
      emit(FollowEvents.waitingForContinue(operation.id()));
    }
  }

  /**
   * Resumes a waiting operation ({@code chainHead_v1_continue}); nothing for an unknown id.
   *
   * @return the step to run, if any
   * @throws io.basalt.rpc.dispatch.RpcException -32803 if the operation is not waiting
   */
  Optional<Runnable> continueOperation(String operationId) {
    synchronized (registry) {
      Operation operation = operations.get(operationId);
      if (operation == null) {
        return Optional.empty();
      }
      if (!operation.isWaiting()) {
        throw ChainHeadErrors.invalidContinue();
      }
      return Optional.of(operation.resume());
    }
  }

  /** Stops an operation ({@code chainHead_v1_stopOperation}); nothing for an unknown id. */
  void stopOperation(String operationId) {
    synchronized (registry) {
      Operation operation = operations.get(operationId);
      if (operation != null && operation.stop()) {
        finish(operation, Optional.empty());
      }
    }
  }

  // ------------------------------------------------------------------ lifecycle

  boolean isStopped() {
    synchronized (registry) {
      return stopped;
    }
  }

  /** Ends the subscription from the server's side with {@code {"event":"stop"}}. */
  void stop() {
    synchronized (registry) {
      if (stopped) {
        return;
      }
      release();
      sink.send(FollowEvents.STOP);
      sink.close();
    }
  }

  /** Forgets everything the subscription holds (it ended, for whatever reason); idempotent. */
  private void release() {
    synchronized (registry) {
      if (stopped) {
        return;
      }
      stopped = true;
      pinnedAt.keySet().forEach(registry::unpin);
      pinnedAt.clear();
      reported.clear();
      operations.values().forEach(Operation::stop);
      operations.clear();
      registry.remove(this);
      closeEvents();
    }
  }

  private void closeEvents() {
    if (chainEvents != null) {
      try {
        chainEvents.close();
      } catch (Exception e) {
        LOG.debug("[follow][id={}] closing the chain events failed: {}", id, e.toString());
      }
      chainEvents = null;
    }
  }

  /** Queues a notification; false if the subscription has ended. */
  private boolean emit(Map<String, Object> event) {
    return !stopped && sink.send(event);
  }
}
