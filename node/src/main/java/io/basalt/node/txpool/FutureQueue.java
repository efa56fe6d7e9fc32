/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Transactions waiting for tags that neither the ready queue nor a recent block provides
 * (sc-transaction-pool's {@code future.rs}), in arrival order. Not thread-safe: {@link
 * TransactionPool} guards it.
 */
final class FutureQueue {

  /** A waiting transaction and the tags it still misses. */
  record Waiting(PoolTransaction tx, Set<Bytes> missing) {}

  private final Map<Bytes, Set<Hash256>> wanted = new HashMap<>();
  private final LinkedHashMap<Hash256, Waiting> waiting = new LinkedHashMap<>();
  private long bytes;

  void add(Waiting w) {
    for (Bytes tag : w.missing()) {
      wanted.computeIfAbsent(tag, t -> new LinkedHashSet<>()).add(w.tx().hash());
    }
    waiting.put(w.tx().hash(), w);
    bytes += w.tx().bytes();
  }

  boolean contains(Hash256 hash) {
    return waiting.containsKey(hash);
  }

  Optional<PoolTransaction> get(Hash256 hash) {
    Waiting w = waiting.get(hash);
    return w == null ? Optional.empty() : Optional.of(w.tx());
  }

  int size() {
    return waiting.size();
  }

  long bytes() {
    return bytes;
  }

  /** Every waiting transaction, oldest first. */
  List<PoolTransaction> all() {
    return waiting.values().stream().map(Waiting::tx).toList();
  }

  /** The transaction waiting longest. */
  Optional<Hash256> oldest() {
    return waiting.isEmpty() ? Optional.empty() : Optional.of(waiting.firstEntry().getKey());
  }

  /** Marks tags as provided; removes and returns the transactions that now miss nothing. */
  List<Waiting> satisfy(Collection<Bytes> tags) {
    List<Waiting> ready = new ArrayList<>();
    for (Bytes tag : tags) {
      Set<Hash256> hashes = wanted.remove(tag);
      if (hashes == null) {
        continue;
      }
      for (Hash256 hash : hashes) {
        Waiting w = waiting.get(hash);
        w.missing().remove(tag);
        if (w.missing().isEmpty()) {
          waiting.remove(hash);
          bytes -= w.tx().bytes();
          ready.add(w);
        }
      }
    }
    return ready;
  }

  /** Removes the given transactions (those waiting). */
  List<PoolTransaction> remove(Collection<Hash256> hashes) {
    List<PoolTransaction> removed = new ArrayList<>();
    for (Hash256 hash : hashes) {
      Waiting w = waiting.remove(hash);
      if (w == null) {
        continue;
      }
      bytes -= w.tx().bytes();
      for (Bytes tag : w.missing()) {
        Set<Hash256> others = wanted.get(tag);
        if (others != null && others.remove(hash) && others.isEmpty()) {
          wanted.remove(tag);
        }
      }
      removed.add(w.tx());
    }
    return removed;
  }

  /** Removes the waiting transactions that provide any of {@code tags} (a block provided them). */
  List<PoolTransaction> pruneTags(Collection<Bytes> tags) {
    Set<Bytes> pruned = Set.copyOf(tags);
    List<Hash256> hashes = new ArrayList<>();
    for (Waiting w : waiting.values()) {
      PoolTransaction tx = w.tx();
      if (tx.provides().stream().anyMatch(pruned::contains)) {
        hashes.add(tx.hash());
      }
    }
    return remove(hashes);
  }
}
