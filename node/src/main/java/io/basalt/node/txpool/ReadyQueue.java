/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Transactions whose requirements are all met (sc-transaction-pool's {@code ready.rs}): each tag is
 * provided by at most one of them; a transaction that requires a tag provided here is "unlocked" by
 * its provider, and the ones that need nothing from the queue are the "best" ones a block can start
 * with. Not thread-safe: {@link TransactionPool} guards it.
 *
 * <p>Costs: import, removal and pruning are O(log n) per transaction touched (hash maps for tags
 * and entries, two ordered sets for block order and eviction order).
 */
final class ReadyQueue {
  /**
   * Block order: higher priority first, then the one valid for fewer blocks, then the older one.
   */
  static final Comparator<Entry> BEST_FIRST =
      (a, b) -> {
        int c = Long.compareUnsigned(b.tx.priority(), a.tx.priority());
        if (c == 0) {
          c = Long.compareUnsigned(a.tx.validTill(), b.tx.validTill());
        }
        return c != 0 ? c : Long.compare(a.insertionId, b.insertionId);
      };

  /** Eviction order when over the limits: lowest priority first, then the older one. */
  private static final Comparator<Entry> WORST_FIRST =
      (a, b) -> {
        int c = Long.compareUnsigned(a.tx.priority(), b.tx.priority());
        return c != 0 ? c : Long.compare(a.insertionId, b.insertionId);
      };

  /** A transaction in the queue and its links. */
  static final class Entry {
    final PoolTransaction tx;
    final long insertionId;

    /** Transactions in the queue that require a tag this one provides. */
    final List<Hash256> unlocks;

    /** How many required tags are met by the chain rather than by a transaction in the queue. */
    int requiresOffset;

    Entry(PoolTransaction tx, long insertionId, List<Hash256> unlocks, int requiresOffset) {
      this.tx = tx;
      this.insertionId = insertionId;
      this.unlocks = unlocks;
      this.requiresOffset = requiresOffset;
    }

    Entry copy() {
      return new Entry(tx, insertionId, new ArrayList<>(unlocks), requiresOffset);
    }
  }

  private long nextInsertionId;
  private final Map<Bytes, Hash256> providedTags = new HashMap<>();
  private final Map<Hash256, Entry> entries = new LinkedHashMap<>();
  private final TreeSet<Entry> best = new TreeSet<>(BEST_FIRST);
  private final TreeSet<Entry> byWorth = new TreeSet<>(WORST_FIRST);
  private long bytes;

  boolean contains(Hash256 hash) {
    return entries.containsKey(hash);
  }

  Optional<PoolTransaction> get(Hash256 hash) {
    Entry e = entries.get(hash);
    return e == null ? Optional.empty() : Optional.of(e.tx);
  }

  /** The ready transaction providing {@code tag}. */
  Optional<Hash256> provider(Bytes tag) {
    return Optional.ofNullable(providedTags.get(tag));
  }

  int size() {
    return entries.size();
  }

  long bytes() {
    return bytes;
  }

  /** Every transaction, in insertion order. */
  List<PoolTransaction> all() {
    return entries.values().stream().map(e -> e.tx).toList();
  }

  /** The lowest-priority, oldest transaction. */
  Optional<Hash256> worst() {
    return byWorth.isEmpty() ? Optional.empty() : Optional.of(byWorth.first().tx.hash());
  }

  /** A consistent copy for block building. */
  ReadyTransactions snapshot() {
    Map<Hash256, Entry> copies = new HashMap<>(entries.size() * 2);
    entries.forEach((hash, e) -> copies.put(hash, e.copy()));
    TreeSet<Entry> bestCopies = new TreeSet<>(BEST_FIRST);
    best.forEach(e -> bestCopies.add(copies.get(e.tx.hash())));
    return new ReadyTransactions(copies, bestCopies);
  }

  /** The ready transactions {@code tx} would replace: those providing one of its tags. */
  private Set<Hash256> replacedBy(PoolTransaction tx) {
    Set<Hash256> replaced = new LinkedHashSet<>();
    for (Bytes tag : tx.provides()) {
      Hash256 other = providedTags.get(tag);
      if (other != null) {
        replaced.add(other);
      }
    }
    return replaced;
  }

  /**
   * Why {@code tx} may not replace the transactions providing its tags: their summed priority
   * (saturating) is not below its own.
   */
  Optional<PoolError.TooLowPriority> replacementRefused(PoolTransaction tx) {
    Set<Hash256> replaced = replacedBy(tx);
    if (replaced.isEmpty()) {
      return Optional.empty();
    }
    long old = 0;
    for (Hash256 hash : replaced) {
      long p = entries.get(hash).tx.priority();
      old = Long.compareUnsigned(old + p, old) < 0 ? -1L : old + p;
    }
    return Long.compareUnsigned(old, tx.priority()) >= 0
        ? Optional.of(new PoolError.TooLowPriority(old, tx.priority()))
        : Optional.empty();
  }

  /**
   * Adds a transaction whose requirements are all met (by the queue or by the chain), replacing the
   * ones that provide its tags; {@link #replacementRefused} must have allowed it.
   *
   * @return the transactions removed: the replaced ones and what depended on their other tags
   */
  List<PoolTransaction> add(PoolTransaction tx) {
    Set<Hash256> replaced = replacedBy(tx);
    List<Hash256> unlocks = new ArrayList<>();
    for (Hash256 hash : replaced) {
      unlocks.addAll(entries.get(hash).unlocks);
    }
    List<PoolTransaction> removed =
        replaced.isEmpty() ? List.of() : removeSubtree(replaced, Set.copyOf(tx.provides()));
    boolean goesToBest = true;
    int requiresOffset = 0;
    for (Bytes tag : tx.requires()) {
      Hash256 provider = providedTags.get(tag);
      if (provider != null) {
        entries.get(provider).unlocks.add(tx.hash());
        goesToBest = false;
      } else {
        requiresOffset++;
      }
    }
    for (Bytes tag : tx.provides()) {
      providedTags.put(tag, tx.hash());
    }
    Entry entry = new Entry(tx, ++nextInsertionId, unlocks, requiresOffset);
    if (goesToBest) {
      best.add(entry);
    }
    entries.put(tx.hash(), entry);
    byWorth.add(entry);
    bytes += tx.bytes();
    return removed;
  }

  /** Removes transactions and everything that depends on them. */
  List<PoolTransaction> removeSubtree(Collection<Hash256> roots) {
    return removeSubtree(roots, Set.of());
  }

  /**
   * Removes transactions and what depends on them, descending only through tags not in {@code
   * keptTags} (those stay provided: a replacement is about to provide them).
   */
  private List<PoolTransaction> removeSubtree(Collection<Hash256> roots, Set<Bytes> keptTags) {
    List<Hash256> toRemove = new ArrayList<>(roots);
    List<PoolTransaction> removed = new ArrayList<>();
    while (!toRemove.isEmpty()) {
      Hash256 hash = toRemove.removeLast();
      Entry e = entries.remove(hash);
      if (e == null) {
        continue;
      }
      boolean removedSomeTags = false;
      for (Bytes tag : e.tx.provides()) {
        if (!keptTags.contains(tag)) {
          providedTags.remove(tag);
          removedSomeTags = true;
        }
      }
      for (Bytes tag : e.tx.requires()) {
        Hash256 provider = providedTags.get(tag);
        Entry unlocking = provider == null ? null : entries.get(provider);
        if (unlocking != null) {
          unlocking.unlocks.remove(hash);
        }
      }
      forget(e);
      if (removedSomeTags) {
        toRemove.addAll(e.unlocks);
      }
      removed.add(e.tx);
    }
    return removed;
  }

  /**
   * Removes the transaction providing {@code tag} (it or an equivalent is in a block) and, eagerly,
   * the transactions it required that unlock nothing else; the ones it unlocked stay, now with that
   * requirement met by the chain.
   */
  List<PoolTransaction> pruneTag(Bytes tag) {
    List<Bytes> toRemove = new ArrayList<>(List.of(tag));
    List<PoolTransaction> removed = new ArrayList<>();
    while (!toRemove.isEmpty()) {
      Hash256 hash = providedTags.remove(toRemove.removeLast());
      Entry e = hash == null ? null : entries.remove(hash);
      if (e == null) {
        continue;
      }
      forget(e);
      for (Bytes required : e.tx.requires()) {
        Hash256 previous = providedTags.get(required);
        Entry prev = previous == null ? null : entries.get(previous);
        if (prev != null) {
          prev.unlocks.remove(hash);
          if (prev.unlocks.isEmpty()) {
            toRemove.addAll(prev.tx.provides());
          }
        }
      }
      for (Hash256 unlocked : e.unlocks) {
        Entry next = entries.get(unlocked);
        if (next != null && ++next.requiresOffset == next.tx.requires().size()) {
          best.add(next);
        }
      }
      for (Bytes provided : e.tx.provides()) {
        providedTags.remove(provided);
      }
      removed.add(e.tx);
    }
    return removed;
  }

  private void forget(Entry e) {
    best.remove(e);
    byWorth.remove(e);
    bytes -= e.tx.bytes();
  }
}
