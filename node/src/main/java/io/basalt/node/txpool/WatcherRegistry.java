/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.bytes.Hash256;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Who watches which transaction, and which included transactions await finality
 * (sc-transaction-pool's {@code listener.rs}): turns pool changes into {@link TransactionStatus}
 * events queued on the {@link EventDispatch}. A final event forgets the transaction's watchers. At
 * most 512 blocks await finality; beyond that the oldest block's transactions get {@code
 * FinalityTimeout}. Not thread-safe: {@link TransactionPool} guards it.
 */
final class WatcherRegistry {
  static final int MAX_FINALITY_WATCHERS = 512;

  private final EventDispatch events;
  private final Map<Hash256, List<TransactionWatcher>> watchers = new HashMap<>();
  private final LinkedHashMap<Hash256, List<Hash256>> awaitingFinality = new LinkedHashMap<>();

  WatcherRegistry(EventDispatch events) {
    this.events = events;
  }

  TransactionWatcher watch(
      Hash256 tx, Consumer<TransactionStatus> listener, Consumer<TransactionWatcher> unregister) {
    TransactionWatcher watcher = new TransactionWatcher(tx, listener, unregister);
    watchers.computeIfAbsent(tx, h -> new ArrayList<>()).add(watcher);
    return watcher;
  }

  /** Forgets a watcher; its undelivered events are dropped. */
  void remove(TransactionWatcher watcher) {
    watcher.cancel();
    List<TransactionWatcher> list = watchers.get(watcher.hash());
    if (list != null && list.remove(watcher) && list.isEmpty()) {
      watchers.remove(watcher.hash());
    }
  }

  boolean isWatched(Hash256 tx) {
    return watchers.containsKey(tx);
  }

  void future(Hash256 tx) {
    fire(tx, new TransactionStatus.Future());
  }

  void ready(Hash256 tx) {
    fire(tx, new TransactionStatus.Ready());
  }

  void broadcast(Hash256 tx, List<String> peers) {
    fire(tx, new TransactionStatus.Broadcast(peers));
  }

  void usurped(Hash256 tx, Hash256 by) {
    fire(tx, new TransactionStatus.Usurped(by));
  }

  void dropped(Hash256 tx) {
    fire(tx, new TransactionStatus.Dropped());
  }

  void invalid(Hash256 tx) {
    fire(tx, new TransactionStatus.Invalid());
  }

  /** The transaction is in {@code block} of the best chain; it now awaits that block's finality. */
  void inBlock(Hash256 block, Hash256 tx) {
    awaitingFinality.computeIfAbsent(block, b -> new ArrayList<>()).add(tx);
    fire(tx, new TransactionStatus.InBlock(block));
    while (awaitingFinality.size() > MAX_FINALITY_WATCHERS) {
      Map.Entry<Hash256, List<Hash256>> oldest = awaitingFinality.pollFirstEntry();
      for (Hash256 timedOut : oldest.getValue()) {
        fire(timedOut, new TransactionStatus.FinalityTimeout(oldest.getKey()));
      }
    }
  }

  void retracted(Hash256 block) {
    List<Hash256> txs = awaitingFinality.remove(block);
    if (txs != null) {
      txs.forEach(tx -> fire(tx, new TransactionStatus.Retracted(block)));
    }
  }

  void finalized(Hash256 block) {
    List<Hash256> txs = awaitingFinality.remove(block);
    if (txs != null) {
      txs.forEach(tx -> fire(tx, new TransactionStatus.Finalized(block)));
    }
  }

  private void fire(Hash256 tx, TransactionStatus status) {
    List<TransactionWatcher> list = watchers.get(tx);
    if (list == null) {
      return;
    }
    for (TransactionWatcher watcher : List.copyOf(list)) {
      events.enqueue(() -> watcher.deliver(status));
    }
    if (status.isFinal()) {
      watchers.remove(tx);
    }
  }
}
