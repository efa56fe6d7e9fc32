/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The dependency graph of validated transactions (sc-transaction-pool's {@code base_pool.rs}): a
 * ready queue and a future queue linked by tags, and the tags recent blocks provided. Knows nothing
 * of the runtime, bans or watchers. Not thread-safe: {@link TransactionPool} guards it.
 */
final class TransactionGraph {
  private final ReadyQueue ready = new ReadyQueue();
  private final FutureQueue future = new FutureQueue();

  /** The tags the last two prunings removed, taken as met for transactions validated before. */
  private final List<Set<Bytes>> recentlyPruned = List.of(new HashSet<>(), new HashSet<>());

  private int recentlyPrunedIndex;

  /** The outcome of importing one transaction. */
  sealed interface Imported {
    /**
     * It went to the ready queue.
     *
     * @param promoted future transactions it made ready
     * @param failed future transactions that could not follow it into the ready queue
     * @param removed transactions it (or a promoted one) replaced
     */
    record Ready(
        Hash256 hash, List<Hash256> promoted, List<Hash256> failed, List<PoolTransaction> removed)
        implements Imported {}

    /** It waits in the future queue. */
    record Future(Hash256 hash) implements Imported {}

    /**
     * It was refused; {@code lost} are other transactions the attempt removed (a cycle).
     *
     * @param lost transactions the failed attempt took out of the pool
     */
    record Failed(PoolError error, List<Hash256> lost) implements Imported {}
  }

  /**
   * What pruning tags did.
   *
   * @param promoted future transactions made ready, with what their import did
   * @param failed future transactions removed: they provided a pruned tag, or failed to promote
   * @param pruned ready transactions removed
   */
  record PruneStatus(
      List<Imported.Ready> promoted, List<Hash256> failed, List<PoolTransaction> pruned) {}

  boolean contains(Hash256 hash) {
    return ready.contains(hash) || future.contains(hash);
  }

  boolean isReady(Hash256 hash) {
    return ready.contains(hash);
  }

  Optional<PoolTransaction> find(Hash256 hash) {
    Optional<PoolTransaction> tx = ready.get(hash);
    return tx.isPresent() ? tx : future.get(hash);
  }

  PoolStatus status() {
    return new PoolStatus(ready.size(), ready.bytes(), future.size(), future.bytes());
  }

  /** Ready transactions (in insertion order), then future ones (oldest first). */
  List<PoolTransaction> all() {
    List<PoolTransaction> all = new ArrayList<>(ready.all());
    all.addAll(future.all());
    return all;
  }

  List<PoolTransaction> futures() {
    return future.all();
  }

  ReadyTransactions ready() {
    return ready.snapshot();
  }

  /** Whether a ready transaction provides {@code tag}. */
  boolean readyProvides(Bytes tag) {
    return ready.provider(tag).isPresent();
  }

  /** The transactions (ready or future) that provide {@code tag}. */
  List<Hash256> providing(Bytes tag) {
    List<Hash256> hashes = new ArrayList<>();
    ready.provider(tag).ifPresent(hashes::add);
    future.all().stream()
        .filter(tx -> tx.provides().contains(tag))
        .forEach(tx -> hashes.add(tx.hash()));
    return hashes;
  }

  /** Imports a validated transaction into the ready queue, or the future queue if it must wait. */
  Imported add(PoolTransaction tx) {
    if (contains(tx.hash())) {
      return new Imported.Failed(new PoolError.AlreadyImported(tx.hash()), List.of());
    }
    FutureQueue.Waiting waiting = waiting(tx);
    if (!waiting.missing().isEmpty()) {
      future.add(waiting);
      return new Imported.Future(tx.hash());
    }
    return addReady(waiting);
  }

  private FutureQueue.Waiting waiting(PoolTransaction tx) {
    Set<Bytes> missing = new LinkedHashSet<>();
    for (Bytes tag : tx.requires()) {
      boolean met =
          ready.provider(tag).isPresent()
              || recentlyPruned.get(0).contains(tag)
              || recentlyPruned.get(1).contains(tag);
      if (!met) {
        missing.add(tag);
      }
    }
    return new FutureQueue.Waiting(tx, missing);
  }

  /**
   * Moves a transaction with all requirements met into the ready queue, followed by the future
   * transactions that it (transitively) makes ready.
   */
  private Imported addReady(FutureQueue.Waiting first) {
    Hash256 hash = first.tx().hash();
    Optional<PoolError.TooLowPriority> refused = ready.replacementRefused(first.tx());
    if (refused.isPresent()) {
      return new Imported.Failed(refused.get(), List.of());
    }
    List<Hash256> promoted = new ArrayList<>();
    List<PoolTransaction> removed = new ArrayList<>();
    List<FutureQueue.Waiting> toImport = new ArrayList<>(List.of(first));
    boolean isFirst = true;
    while (!toImport.isEmpty()) {
      PoolTransaction tx = toImport.removeLast().tx();
      toImport.addAll(future.satisfy(tx.provides()));
      if (!isFirst && ready.replacementRefused(tx).isPresent()) {
        removed.add(tx);
        promoted.remove(tx.hash());
      } else {
        List<PoolTransaction> replaced = ready.add(tx);
        if (!isFirst) {
          promoted.add(tx.hash());
        }
        Set<Hash256> replacedHashes = hashes(replaced);
        promoted.removeIf(replacedHashes::contains);
        removed.addAll(replaced);
      }
      isFirst = false;
    }
    if (removed.stream().anyMatch(tx -> tx.hash().equals(hash))) {
      // The transactions it made ready pushed it out again: a cycle that cannot be resolved.
      List<Hash256> lost = new ArrayList<>(hashes(ready.removeSubtree(promoted)));
      removed.stream().map(PoolTransaction::hash).filter(h -> !h.equals(hash)).forEach(lost::add);
      return new Imported.Failed(new PoolError.CycleDetected(), lost);
    }
    return new Imported.Ready(hash, promoted, List.of(), removed);
  }

  /** Forgets the tags recent blocks provided (the chain was rewound past them). */
  void forgetPrunedTags() {
    recentlyPruned.forEach(Set::clear);
  }

  /**
   * Removes the transactions providing {@code tags} (a block provided them): ready providers and,
   * eagerly, what they required; future providers. Future transactions waiting for these tags are
   * promoted, and the tags count as met for the next two prunings' worth of late imports.
   */
  PruneStatus pruneTags(Collection<Bytes> tags) {
    Set<Bytes> recent = recentlyPruned.get(recentlyPrunedIndex);
    recentlyPrunedIndex = (recentlyPrunedIndex + 1) % recentlyPruned.size();
    recent.clear();
    List<Hash256> failed = new ArrayList<>(hashes(future.pruneTags(tags)));
    List<FutureQueue.Waiting> toImport = new ArrayList<>();
    List<PoolTransaction> pruned = new ArrayList<>();
    for (Bytes tag : tags) {
      toImport.addAll(future.satisfy(List.of(tag)));
      pruned.addAll(ready.pruneTag(tag));
      recent.add(tag);
    }
    List<Imported.Ready> promoted = new ArrayList<>();
    for (FutureQueue.Waiting w : toImport) {
      switch (addReady(w)) {
        case Imported.Ready r -> promoted.add(r);
        case Imported.Future f -> throw new IllegalStateException("a promoted " + f + " waits");
        case Imported.Failed f -> failed.add(w.tx().hash());
      }
    }
    return new PruneStatus(promoted, failed, pruned);
  }

  /** Removes transactions and, in the ready queue, everything that depends on them. */
  List<PoolTransaction> removeSubtree(Collection<Hash256> hashes) {
    List<PoolTransaction> removed = new ArrayList<>(ready.removeSubtree(hashes));
    removed.addAll(future.remove(hashes));
    return removed;
  }

  /**
   * Removes transactions until both queues are within their limits: from the ready queue the
   * lowest-priority, oldest one and its dependents; from the future queue the oldest.
   */
  List<PoolTransaction> enforceLimits(PoolLimit readyLimit, PoolLimit futureLimit) {
    List<PoolTransaction> removed = new ArrayList<>();
    while (readyLimit.isExceeded(ready.size(), ready.bytes())) {
      removed.addAll(removeSubtree(List.of(ready.worst().orElseThrow())));
    }
    while (futureLimit.isExceeded(future.size(), future.bytes())) {
      removed.addAll(removeSubtree(List.of(future.oldest().orElseThrow())));
    }
    return removed;
  }

  private static Set<Hash256> hashes(List<PoolTransaction> txs) {
    Set<Hash256> hashes = new LinkedHashSet<>();
    txs.forEach(tx -> hashes.add(tx.hash()));
    return hashes;
  }
}
