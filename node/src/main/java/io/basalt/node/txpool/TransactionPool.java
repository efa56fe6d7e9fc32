/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.storage.block.BlockRef;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction pool: Substrate's single-state ("graph") pool. Transactions are validated by the
 * runtime at the best block ({@link TransactionValidator}), kept in a ready queue (all requirements
 * met) or a future queue (waiting for tags), ordered for block building by dependencies then
 * priority ({@link #ready()}), bounded by {@link TransactionPoolConfig}'s limits (the lowest
 * priority goes first) and kept fresh by {@link #maintain} after every new best block: included
 * transactions are pruned, retracted ones resubmitted, the rest revalidated and the stale ones
 * dropped.
 *
 * <h2>Threads and locking</h2>
 *
 * RPC threads submit and query, the block builder takes {@link #ready()} and reports invalid
 * transactions, the import thread calls {@link #maintain}. One lock guards the whole graph (both
 * queues, the bans, the watchers and the best block); each operation holds it only for its
 * in-memory part, which is O(log n) per transaction touched. The runtime is never called under the
 * lock: a submission checks bans and duplicates under the lock, validates without it, and imports
 * under it again (re-checking, since the pool may have changed meanwhile); maintenance does the
 * same in phases, and {@link #maintain} calls run one at a time. Listener calls (watcher events,
 * ready notifications) are queued under the lock, so their order is the order of the changes, and
 * delivered after it is released by the thread that made the change (or the one already
 * delivering), one at a time. {@link #status()} and {@link #readyCount()} read a snapshot without
 * locking.
 *
 * <h2>Deviations from Substrate</h2>
 *
 * Transactions from retracted blocks are resubmitted with source {@code External}, as Substrate
 * does. Revalidation runs synchronously in {@link #maintain} over at most {@link
 * TransactionPoolConfig#revalidationBatch()} transactions per new best block, the least recently
 * validated first, ready and future ones alike (Substrate revalidates ready ones in a background
 * task, 20 or a quarter of the queue every 200 ms): the import thread's time per block stays
 * bounded and every transaction is revalidated within {@code size / batch} blocks. A submission
 * re-checks the ban when it imports (a block may have included it during validation). Trailing
 * bytes after an extrinsic are refused rather than ignored.
 */
public final class TransactionPool {
  private static final Logger LOG = LoggerFactory.getLogger("txpool");

  private final TransactionPoolConfig config;
  private final TransactionValidator validator;
  private final BooleanSupplier authoring;
  private final InstantSource clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final ReentrantLock maintenance = new ReentrantLock();
  private final EventDispatch events = new EventDispatch();
  private final List<Consumer<Hash256>> readyListeners = new CopyOnWriteArrayList<>();

  // Guarded by lock.
  private final TransactionGraph graph = new TransactionGraph();
  private final BanList bans;
  private final WatcherRegistry watchers = new WatcherRegistry(events);
  private BlockRef best;

  private volatile PoolStatus status = PoolStatus.EMPTY;

  /**
   * A pool at {@code best} for a node that authors blocks, banning by the system clock.
   *
   * @param best the current best block
   */
  public TransactionPool(
      TransactionPoolConfig config, TransactionValidator validator, BlockRef best) {
    this(config, validator, best, () -> true, InstantSource.system());
  }

  /**
   * A pool at {@code best}.
   *
   * @param authoring whether this node authors blocks: if not, transactions the runtime says must
   *     not be propagated are refused as {@link PoolError.Unactionable}
   * @param clock the time bans are measured with
   */
  public TransactionPool(
      TransactionPoolConfig config,
      TransactionValidator validator,
      BlockRef best,
      BooleanSupplier authoring,
      InstantSource clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.validator = Objects.requireNonNull(validator, "validator");
    this.best = Objects.requireNonNull(best, "best");
    this.authoring = Objects.requireNonNull(authoring, "authoring");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.bans =
        new BanList(config.banTime(), (long) config.ready().count() + config.future().count());
  }

  // ---------------------------------------------------------------- submission

  /**
   * Validates a transaction at the best block and adds it to the pool.
   *
   * @param source {@link TransactionSource#EXTERNAL} for RPC, {@link TransactionSource#LOCAL} for
   *     offchain workers
   * @param extrinsic the encoded extrinsic, with its compact length prefix
   * @return {@link Submission.Accepted} with the hash, or why it was refused
   */
  public Submission submit(TransactionSource source, Bytes extrinsic) {
    return submit(source, extrinsic, Optional.empty());
  }

  /**
   * Like {@link #submit}, and streams the transaction's status to {@code listener} (starting with
   * {@code Ready} or {@code Future}) if it is accepted; nothing is delivered if it is refused.
   */
  public Submission submitAndWatch(
      TransactionSource source, Bytes extrinsic, Consumer<TransactionStatus> listener) {
    return submit(source, extrinsic, Optional.of(Objects.requireNonNull(listener, "listener")));
  }

  private Submission submit(
      TransactionSource source, Bytes extrinsic, Optional<Consumer<TransactionStatus>> listener) {
    Objects.requireNonNull(source, "source");
    Hash256 hash = PoolTransaction.hashOf(extrinsic);
    Optional<String> badFormat = PoolTransaction.formatProblem(extrinsic);
    if (badFormat.isPresent()) {
      return new Submission.Rejected(hash, new PoolError.BadFormat(badFormat.get()));
    }
    BlockRef at = locked(() -> best);
    Verified verified = verify(source, extrinsic, hash, at, true);
    Submission result =
        locked(
            () -> {
              Optional<TransactionWatcher> watcher =
                  verified instanceof Verified.Valid
                      ? listener.map(l -> watchers.watch(hash, l, this::unwatch))
                      : Optional.empty();
              Submission s = importAll(List.of(verified), true).getFirst();
              if (s instanceof Submission.Accepted && watcher.isPresent()) {
                return new Submission.Accepted(hash, watcher);
              }
              watcher.ifPresent(watchers::remove);
              return s;
            });
    if (result instanceof Submission.Rejected(Hash256 h, PoolError error)) {
      LOG.debug("[{}] Rejected ({}): {}", h, source, error.message());
    } else {
      LOG.debug("[{}] Submitted ({})", hash, source);
    }
    return result;
  }

  private void unwatch(TransactionWatcher watcher) {
    lockedRun(
        () -> {
          watchers.remove(watcher);
        });
  }

  /** A transaction after validation, before import (sc-transaction-pool's ValidatedTransaction). */
  private sealed interface Verified {
    Hash256 hash();

    record Valid(PoolTransaction tx) implements Verified {
      @Override
      public Hash256 hash() {
        return tx.hash();
      }
    }

    /** Refused; the hash is banned when this is imported. */
    record Invalid(Hash256 hash, PoolError error) implements Verified {}

    /** Validity unknown; watchers of the hash learn it is invalid. */
    record Unknown(Hash256 hash, PoolError error) implements Verified {}
  }

  /** Checks bans and duplicates (under the lock), then validates (without it). */
  private Verified verify(
      TransactionSource source, Bytes extrinsic, Hash256 hash, BlockRef at, boolean checkBan) {
    Optional<PoolError> known =
        locked(
            () -> {
              if (checkBan && bans.isBanned(hash)) {
                return Optional.of(new PoolError.TemporarilyBanned());
              }
              return graph.contains(hash)
                  ? Optional.of(new PoolError.AlreadyImported(hash))
                  : Optional.empty();
            });
    if (known.isPresent()) {
      return new Verified.Invalid(hash, known.get());
    }
    return validate(source, extrinsic, hash, at);
  }

  /** Asks the runtime, never under the lock. */
  private Verified validate(TransactionSource source, Bytes extrinsic, Hash256 hash, BlockRef at) {
    TransactionValidity validity;
    try {
      validity = Objects.requireNonNull(validator.validate(source, extrinsic, at), "validity");
    } catch (RuntimeException e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      LOG.debug("[{}] Validation at #{} failed: {}", hash, at.number(), reason);
      return new Verified.Invalid(hash, new PoolError.VerificationFailed(reason));
    }
    return switch (validity) {
      case ValidTransaction valid ->
          valid.provides().isEmpty()
              ? new Verified.Invalid(hash, new PoolError.NoTagsProvided())
              : new Verified.Valid(
                  PoolTransaction.validated(hash, extrinsic, source, valid, at.number()));
      case TransactionValidityError.Invalid(InvalidTransaction reason) ->
          new Verified.Invalid(hash, new PoolError.Invalid(reason));
      case TransactionValidityError.Unknown(UnknownTransaction reason) ->
          new Verified.Unknown(hash, new PoolError.Unknown(reason));
    };
  }

  /**
   * Imports validated transactions (under the lock), then enforces the limits: an accepted
   * transaction the limits removed at once is reported {@link PoolError.ImmediatelyDropped}.
   */
  private List<Submission> importAll(List<Verified> verified, boolean checkBan) {
    List<Submission> results = new ArrayList<>(verified.size());
    for (Verified v : verified) {
      results.add(importOne(v, checkBan));
    }
    if (results.stream().noneMatch(r -> r instanceof Submission.Accepted)) {
      return results;
    }
    Set<Hash256> dropped = enforceLimits();
    return results.stream()
        .map(
            r ->
                r instanceof Submission.Accepted && dropped.contains(r.hash())
                    ? new Submission.Rejected(r.hash(), new PoolError.ImmediatelyDropped())
                    : r)
        .toList();
  }

  private Submission importOne(Verified verified, boolean checkBan) {
    Hash256 hash = verified.hash();
    return switch (verified) {
      case Verified.Valid(PoolTransaction tx) -> {
        if (!tx.propagate() && !authoring.getAsBoolean()) {
          yield new Submission.Rejected(hash, new PoolError.Unactionable());
        }
        if (checkBan && bans.isBanned(hash)) {
          yield new Submission.Rejected(hash, new PoolError.TemporarilyBanned());
        }
        TransactionGraph.Imported imported = graph.add(tx);
        if (imported instanceof TransactionGraph.Imported.Failed(PoolError error, var lost)) {
          lost.forEach(watchers::dropped);
          yield new Submission.Rejected(hash, error);
        }
        if (imported instanceof TransactionGraph.Imported.Ready) {
          for (Consumer<Hash256> l : readyListeners) {
            events.enqueue(() -> l.accept(hash));
          }
        }
        fireImported(imported);
        yield new Submission.Accepted(hash, Optional.empty());
      }
      case Verified.Invalid(Hash256 h, PoolError error) -> {
        bans.ban(clock.instant(), List.of(h));
        yield new Submission.Rejected(h, error);
      }
      case Verified.Unknown(Hash256 h, PoolError error) -> {
        watchers.invalid(h);
        yield new Submission.Rejected(h, error);
      }
    };
  }

  private void fireImported(TransactionGraph.Imported imported) {
    switch (imported) {
      case TransactionGraph.Imported.Ready r -> {
        watchers.ready(r.hash());
        r.failed().forEach(watchers::invalid);
        r.removed().forEach(tx -> watchers.usurped(tx.hash(), r.hash()));
        r.promoted().forEach(watchers::ready);
      }
      case TransactionGraph.Imported.Future f -> watchers.future(f.hash());
      case TransactionGraph.Imported.Failed f -> {}
    }
  }

  /** Drops transactions until the queues fit their limits; the dropped ones are banned. */
  private Set<Hash256> enforceLimits() {
    List<PoolTransaction> removed = graph.enforceLimits(config.ready(), config.future());
    if (removed.isEmpty()) {
      return Set.of();
    }
    Set<Hash256> hashes = new LinkedHashSet<>();
    removed.forEach(tx -> hashes.add(tx.hash()));
    bans.ban(clock.instant(), hashes);
    hashes.forEach(watchers::dropped);
    LOG.debug("Enforcing limits: {} transaction(s) dropped", hashes.size());
    return hashes;
  }

  // ---------------------------------------------------------------- queries

  /** The ready transactions in block order (a snapshot). */
  public ReadyTransactions ready() {
    return locked(graph::ready);
  }

  /** The ready transactions' extrinsics in block order ({@code author_pendingExtrinsics}). */
  public List<Bytes> pendingExtrinsics() {
    List<Bytes> out = new ArrayList<>();
    ready().forEachRemaining(tx -> out.add(tx.extrinsic()));
    return out;
  }

  /** The future queue, oldest first. */
  public List<PoolTransaction> futures() {
    return locked(graph::futures);
  }

  /** A transaction in either queue. */
  public Optional<PoolTransaction> get(Hash256 hash) {
    return locked(() -> graph.find(hash));
  }

  /** Whether {@code hash} is refused for now. */
  public boolean isBanned(Hash256 hash) {
    return locked(() -> bans.isBanned(hash));
  }

  /** The block submissions are validated at. */
  public BlockRef bestBlock() {
    return locked(() -> best);
  }

  /** Queue sizes (read without locking). */
  public PoolStatus status() {
    return status;
  }

  /** How many transactions are ready ({@code substrate_ready_transactions_number}). */
  public int readyCount() {
    return status.ready();
  }

  /**
   * Calls {@code listener} with the hash of each submitted transaction that enters the ready queue
   * (not of those it promotes), e.g. for instant-seal authoring.
   */
  public void addReadyListener(Consumer<Hash256> listener) {
    readyListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void removeReadyListener(Consumer<Hash256> listener) {
    readyListeners.remove(listener);
  }

  // ---------------------------------------------------------------- removal

  /**
   * Removes transactions and everything depending on them, telling their watchers {@code Invalid};
   * the given hashes (not the dependents) are banned. For the block builder's refused transactions
   * and {@code author_removeExtrinsic}.
   *
   * @return the removed transactions
   */
  public List<PoolTransaction> removeInvalid(Collection<Hash256> hashes) {
    return locked(() -> removeInvalidLocked(List.copyOf(hashes)));
  }

  /**
   * Whether a ready transaction provides {@code tag} (how {@code system_accountNextIndex} steps
   * past an account's pending transactions, as Substrate's {@code adjust_nonce}).
   */
  public boolean readyProvides(Bytes tag) {
    return locked(() -> graph.readyProvides(tag));
  }

  /** {@link #removeInvalid} of the transactions (ready or future) providing {@code tag}. */
  public List<PoolTransaction> removeProviding(Bytes tag) {
    return locked(() -> removeInvalidLocked(graph.providing(tag)));
  }

  private List<PoolTransaction> removeInvalidLocked(List<Hash256> hashes) {
    if (hashes.isEmpty()) {
      return List.of();
    }
    bans.ban(clock.instant(), hashes);
    List<PoolTransaction> removed = graph.removeSubtree(hashes);
    removed.forEach(tx -> watchers.invalid(tx.hash()));
    LOG.debug("Removed {} invalid transaction(s)", removed.size());
    return removed;
  }

  /** Tells watchers their transactions were gossiped (for the future network layer). */
  public void onBroadcasted(Map<Hash256, List<String>> propagations) {
    lockedRun(
        () -> {
          propagations.forEach(watchers::broadcast);
        });
  }

  // ---------------------------------------------------------------- maintenance

  /**
   * Updates the pool after the chain changed; call it after each new best block and each
   * finalization, in chain order, from one thread at a time (the import thread).
   *
   * <p>A new best block: watchers of transactions in retracted blocks get {@code Retracted}; each
   * enacted block's transactions, and whatever provides the same tags, leave the pool (their
   * watchers get {@code InBlock}; the included ones are banned for the ban time); transactions of
   * retracted blocks not re-included are resubmitted; stale transactions (past their longevity) are
   * dropped as invalid; then a batch is revalidated at the new best block. Finalization tells the
   * watchers of transactions in those blocks {@code Finalized}. A best block set on request is a
   * rewind: as a new best block, except that the retracted blocks' transactions are neither
   * resubmitted nor banned any more, so they may be submitted again.
   */
  public void maintain(ChainEvent event) {
    maintenance.lock();
    try {
      switch (event) {
        case ChainEvent.NewBestBlock newBest -> {
          BlockExtrinsics best = newBest.best();
          moveBest(
              newBest.retracted(),
              newBest.enacted(),
              new BlockRef(best.hash(), best.number()),
              true);
        }
        case ChainEvent.BestBlockSet set ->
            moveBest(set.retracted(), set.enacted(), set.best(), false);
        case ChainEvent.Finalized finalized ->
            lockedRun(
                () -> {
                  finalized.blocks().forEach(watchers::finalized);
                });
      }
    } finally {
      maintenance.unlock();
    }
  }

  private void moveBest(
      List<BlockExtrinsics> retracted,
      List<BlockExtrinsics> enacted,
      BlockRef at,
      boolean resubmitRetracted) {
    lockedRun(
        () -> {
          retracted.forEach(b -> watchers.retracted(b.hash()));
          best = at;
        });
    Set<Hash256> included = new HashSet<>();
    for (BlockExtrinsics block : enacted) {
      included.addAll(prune(block));
    }
    if (resubmitRetracted) {
      resubmitRetracted(retracted, included, at);
    } else {
      List<Hash256> forgotten = new ArrayList<>();
      for (BlockExtrinsics block : retracted) {
        for (Bytes payload : block.extrinsics()) {
          Hash256 hash = PoolTransaction.hashOf(PoolTransaction.withLengthPrefix(payload));
          if (!included.contains(hash)) {
            forgotten.add(hash);
          }
        }
      }
      lockedRun(
          () -> {
            bans.lift(forgotten);
            graph.forgetPrunedTags();
          });
    }
    revalidate(at, config.revalidationBatch(), !resubmitRetracted);
    LOG.debug("Maintained at #{} ({}): {}", at.number(), at.hash(), status);
  }

  /**
   * Takes an enacted block's transactions and their tags out of the pool (sc-transaction-pool's
   * {@code prune}): the tags of extrinsics unknown to the pool come from validating them at the
   * parent; transactions pruned for providing those tags are revalidated and come back if still
   * valid, or count as included if now invalid.
   *
   * @return the hashes of the block's extrinsics
   */
  private List<Hash256> prune(BlockExtrinsics block) {
    BlockRef at = new BlockRef(block.hash(), block.number());
    List<Bytes> extrinsics =
        block.extrinsics().stream().map(PoolTransaction::withLengthPrefix).toList();
    List<Hash256> hashes = extrinsics.stream().map(PoolTransaction::hashOf).toList();
    record Known(List<Optional<PoolTransaction>> inPool, boolean poolEmpty) {}
    Known known =
        locked(
            () -> new Known(hashes.stream().map(graph::find).toList(), graph.status().isEmpty()));
    List<Bytes> tags = new ArrayList<>();
    for (int i = 0; i < hashes.size(); i++) {
      Optional<PoolTransaction> tx = known.inPool().get(i);
      if (tx.isPresent()) {
        tags.addAll(tx.get().provides());
      } else if (!known.poolEmpty()) {
        BlockRef parent = new BlockRef(block.parentHash(), Math.max(0, block.number() - 1));
        if (validate(TransactionSource.IN_BLOCK, extrinsics.get(i), hashes.get(i), parent)
            instanceof Verified.Valid(PoolTransaction valid)) {
          tags.addAll(valid.provides());
        }
      }
    }
    List<PoolTransaction> pruned =
        locked(
            () -> {
              TransactionGraph.PruneStatus result = graph.pruneTags(tags);
              result.promoted().forEach(this::fireImported);
              result.failed().forEach(watchers::dropped);
              bans.ban(clock.instant(), hashes);
              return result.pruned();
            });
    List<Verified> reverified = new ArrayList<>(pruned.size());
    for (PoolTransaction tx : pruned) {
      reverified.add(verify(tx.source(), tx.extrinsic(), tx.hash(), at, true));
    }
    lockedRun(
        () -> {
          List<Submission> results = importAll(reverified, true);
          Set<Hash256> inBlock = new LinkedHashSet<>();
          for (Submission s : results) {
            if (s instanceof Submission.Rejected r && r.error() instanceof PoolError.Invalid) {
              inBlock.add(r.hash());
            }
          }
          inBlock.addAll(hashes);
          inBlock.forEach(h -> watchers.inBlock(block.hash(), h));
          clearStale(block.number());
        });
    return hashes;
  }

  /** Drops (as invalid, banned) the transactions whose validity ended by block {@code number}. */
  private void clearStale(long number) {
    List<Hash256> stale =
        graph.all().stream()
            .filter(tx -> Long.compareUnsigned(tx.validTill(), number) <= 0)
            .map(PoolTransaction::hash)
            .toList();
    removeInvalidLocked(stale);
    bans.clearTimeouts(clock.instant());
  }

  private void resubmitRetracted(
      List<BlockExtrinsics> retracted, Set<Hash256> included, BlockRef at) {
    List<Verified> verified = new ArrayList<>();
    for (BlockExtrinsics block : retracted) {
      for (Bytes payload : block.extrinsics()) {
        Bytes extrinsic = PoolTransaction.withLengthPrefix(payload);
        Hash256 hash = PoolTransaction.hashOf(extrinsic);
        if (!included.contains(hash)) {
          verified.add(verify(TransactionSource.EXTERNAL, extrinsic, hash, at, false));
        }
      }
    }
    if (!verified.isEmpty()) {
      locked(() -> importAll(verified, false));
    }
  }

  /**
   * Revalidates up to {@code max} transactions at {@code at}, the least recently validated first:
   * invalid ones are removed (their dependents too), valid ones re-enter with their new validity,
   * unknown ones stay as they are. Those validated at a lower height are due; after a rewind
   * ({@code rewind}), those validated at a higher one too.
   */
  private void revalidate(BlockRef at, int max, boolean rewind) {
    List<PoolTransaction> batch =
        locked(
            () ->
                graph.all().stream()
                    .filter(
                        tx ->
                            rewind
                                ? tx.validatedAt() != at.number()
                                : tx.validatedAt() < at.number())
                    .sorted(Comparator.comparingLong(PoolTransaction::validatedAt))
                    .limit(max)
                    .toList());
    if (batch.isEmpty()) {
      return;
    }
    List<Verified> results = new ArrayList<>(batch.size());
    for (PoolTransaction tx : batch) {
      results.add(validate(tx.source(), tx.extrinsic(), tx.hash(), at));
    }
    lockedRun(
        () -> {
          List<Hash256> invalid = new ArrayList<>();
          Map<Hash256, PoolTransaction> updated = new LinkedHashMap<>();
          for (int i = 0; i < batch.size(); i++) {
            PoolTransaction before = batch.get(i);
            if (!graph.find(before.hash()).equals(Optional.of(before))) {
              continue; // changed or gone while it was validated
            }
            switch (results.get(i)) {
              case Verified.Valid(PoolTransaction tx) -> updated.put(tx.hash(), tx);
              case Verified.Invalid v -> invalid.add(v.hash());
              case Verified.Unknown u -> {}
            }
          }
          removeInvalidLocked(invalid);
          resubmit(updated);
          LOG.debug(
              "Revalidated {} transaction(s) at #{}: {} invalid",
              batch.size(),
              at.number(),
              invalid.size());
        });
  }

  private enum Placement {
    READY,
    FUTURE,
    DROPPED,
    FAILED
  }

  /**
   * Re-imports revalidated transactions with their new validity (sc-transaction-pool's {@code
   * ValidatedPool::resubmit}): each is taken out with its dependents, all are imported again, and
   * watchers hear of the ones whose placement changed.
   */
  private void resubmit(Map<Hash256, PoolTransaction> updated) {
    Map<Hash256, Placement> initial = new LinkedHashMap<>();
    List<PoolTransaction> again = new ArrayList<>();
    Map<Hash256, PoolTransaction> pending = new LinkedHashMap<>(updated);
    while (!pending.isEmpty()) {
      Hash256 hash = pending.keySet().iterator().next();
      boolean wasReady = graph.isReady(hash);
      for (PoolTransaction removed : graph.removeSubtree(List.of(hash))) {
        initial.put(
            removed.hash(),
            removed.hash().equals(hash) && !wasReady ? Placement.FUTURE : Placement.READY);
        PoolTransaction fresh = pending.remove(removed.hash());
        again.add(fresh != null ? fresh : removed);
      }
      pending.remove(hash);
    }
    Map<Hash256, Placement> placed = new LinkedHashMap<>();
    for (PoolTransaction tx : again) {
      switch (graph.add(tx)) {
        case TransactionGraph.Imported.Ready r -> {
          placed.put(r.hash(), Placement.READY);
          r.promoted().forEach(h -> placed.put(h, Placement.READY));
          r.failed().forEach(h -> placed.put(h, Placement.FAILED));
          r.removed().forEach(removed -> placed.put(removed.hash(), Placement.DROPPED));
        }
        case TransactionGraph.Imported.Future f -> placed.put(f.hash(), Placement.FUTURE);
        case TransactionGraph.Imported.Failed f -> {
          placed.put(tx.hash(), Placement.FAILED);
          f.lost().forEach(h -> placed.put(h, Placement.DROPPED));
        }
      }
    }
    placed.forEach(
        (hash, placement) -> {
          if (placement != initial.get(hash)) {
            switch (placement) {
              case READY -> watchers.ready(hash);
              case FUTURE -> watchers.future(hash);
              case DROPPED -> watchers.dropped(hash);
              case FAILED -> watchers.invalid(hash);
            }
          }
        });
  }

  // ---------------------------------------------------------------- locking

  private void lockedRun(Runnable action) {
    locked(
        () -> {
          action.run();
          return null;
        });
  }

  /** Runs {@code action} under the lock, then delivers the events it queued. */
  private <T> T locked(Supplier<T> action) {
    T result;
    lock.lock();
    try {
      result = action.get();
      status = graph.status();
    } finally {
      lock.unlock();
    }
    events.deliver();
    return result;
  }
}
