/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.bytes.Hash256;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The ready transactions in the order a block should take them (sc-transaction-pool's {@code
 * BestIterator}): a transaction comes only after every transaction in the pool it requires; among
 * those available, higher priority first, then the one valid for fewer blocks, then the one that
 * waited longer. A snapshot: later pool changes do not show.
 *
 * <p>A block builder reports a transaction the runtime refused with {@link #reportInvalid} before
 * asking for the next one; what depends on it is then skipped. After the block it removes the
 * refused ones with {@link TransactionPool#removeInvalid}. Not thread-safe: one builder iterates.
 *
 * <pre>{@code
 * ReadyTransactions ready = pool.ready();
 * while (ready.hasNext() && !blockFull) {
 *   PoolTransaction tx = ready.next();
 *   if (!apply(tx.extrinsic())) { ready.reportInvalid(tx); invalid.add(tx.hash()); }
 * }
 * pool.removeInvalid(invalid);
 * }</pre>
 */
public final class ReadyTransactions implements Iterator<PoolTransaction> {
  private final Map<Hash256, ReadyQueue.Entry> all;
  private final NavigableSet<ReadyQueue.Entry> best;
  private final Map<Hash256, Integer> awaiting = new HashMap<>();
  private final Set<Hash256> invalid = new HashSet<>();
  private PoolTransaction next;

  ReadyTransactions(Map<Hash256, ReadyQueue.Entry> all, NavigableSet<ReadyQueue.Entry> best) {
    this.all = all;
    this.best = best;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public PoolTransaction next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more ready transactions");
    }
    PoolTransaction out = next;
    next = null;
    return out;
  }

  /**
   * Marks a returned transaction as refused by the runtime: the transactions that depend on it are
   * skipped. Has no effect for transactions this snapshot does not hold.
   */
  public void reportInvalid(PoolTransaction tx) {
    ReadyQueue.Entry e = all.get(tx.hash());
    if (e != null) {
      invalid.addAll(e.unlocks);
    }
  }

  private PoolTransaction advance() {
    while (true) {
      ReadyQueue.Entry e = best.pollFirst();
      if (e == null) {
        return null;
      }
      if (invalid.contains(e.tx.hash())) {
        continue;
      }
      for (Hash256 unlocked : e.unlocks) {
        ReadyQueue.Entry u = all.get(unlocked);
        if (u == null) {
          continue;
        }
        Integer counted = awaiting.remove(unlocked);
        int satisfied = (counted == null ? u.requiresOffset : counted) + 1;
        if (satisfied >= u.tx.requires().size()) {
          best.add(u);
        } else {
          awaiting.put(unlocked, satisfied);
        }
      }
      return e.tx;
    }
  }
}
