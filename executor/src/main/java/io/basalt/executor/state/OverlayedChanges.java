/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.state;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.WellKnownKeys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Changes a runtime call made on top of a {@link StateBackend}, not yet committed: top-trie and
 * default child-trie values, the offchain index and transaction-index operations, with nested
 * storage transactions ({@code ext_storage_start/commit/rollback_transaction}).
 *
 * <p>Lookups answer with an {@link OverlayLookup}: unknown, deleted or a value. Not thread-safe;
 * one runtime call uses it at a time.
 */
public final class OverlayedChanges {
  private final ChangeSet top = new ChangeSet(0);
  private final TreeMap<Bytes, ChangeSet> children = new TreeMap<>();
  private final ChangeSet offchainIndex = new ChangeSet(0);
  private final List<TransactionIndexOperation> transactionIndex = new ArrayList<>();
  private int depth;

  /**
   * A storage-chain transaction-index operation ({@code ext_transaction_index_*}).
   *
   * @param extrinsic the extrinsic index
   * @param hash the indexed content hash
   * @param size the indexed size; -1 for a renewal
   */
  public record TransactionIndexOperation(long extrinsic, Bytes hash, long size) {
    public boolean isRenewal() {
      return size < 0;
    }
  }

  /** The overlay's knowledge of a top-trie key. */
  public OverlayLookup get(Bytes key) {
    return top.get(key);
  }

  /** Sets (value present) or deletes (empty) a top-trie key. */
  public void set(Bytes key, Optional<Bytes> value) {
    top.put(key, toLookup(value));
  }

  /** The overlay's knowledge of a child-trie key. */
  public OverlayLookup childGet(Bytes childKey, Bytes key) {
    ChangeSet child = children.get(childKey);
    return child == null ? OverlayLookup.UNKNOWN : child.get(key);
  }

  /** Sets or deletes a child-trie key. */
  public void childSet(Bytes childKey, Bytes key, Optional<Bytes> value) {
    child(childKey).put(key, toLookup(value));
  }

  /** Deletes every overlay key with the prefix; returns how many had a value. */
  public int clearPrefix(Bytes prefix) {
    return top.deletePrefix(prefix);
  }

  /** Deletes every overlay key of a child trie with the prefix; returns how many had a value. */
  public int clearChildPrefix(Bytes childKey, Bytes prefix) {
    ChangeSet child = children.get(childKey);
    return child == null ? 0 : child.deletePrefix(prefix);
  }

  /** Top-trie changes strictly after {@code key}, in key order. */
  public NavigableMap<Bytes, OverlayLookup> changesAfter(Bytes key) {
    return Collections.unmodifiableNavigableMap(top.after(key));
  }

  /** Child-trie changes strictly after {@code key}, in key order. */
  public NavigableMap<Bytes, OverlayLookup> childChangesAfter(Bytes childKey, Bytes key) {
    ChangeSet child = children.get(childKey);
    return child == null
        ? Collections.emptyNavigableMap()
        : Collections.unmodifiableNavigableMap(child.after(key));
  }

  /** Records an offchain-index write (empty value: deletion), applied only on commit. */
  public void setOffchainIndex(Bytes key, Optional<Bytes> value) {
    offchainIndex.put(key, toLookup(value));
  }

  /** Records a transaction-index operation. */
  public void addTransactionIndex(TransactionIndexOperation operation) {
    transactionIndex.add(operation);
  }

  /** Opens a nested storage transaction. */
  public void startTransaction() {
    depth++;
    top.startTransaction();
    offchainIndex.startTransaction();
    children.values().forEach(ChangeSet::startTransaction);
  }

  /**
   * Discards every change made since the matching {@link #startTransaction}.
   *
   * @throws NoOpenTransactionException if no transaction is open
   */
  public void rollbackTransaction() {
    if (depth == 0) {
      throw new NoOpenTransactionException("roll back");
    }
    depth--;
    top.rollbackTransaction();
    offchainIndex.rollbackTransaction();
    children.values().forEach(ChangeSet::rollbackTransaction);
  }

  /**
   * Keeps the changes made since the matching {@link #startTransaction} in the enclosing one.
   *
   * @throws NoOpenTransactionException if no transaction is open
   */
  public void commitTransaction() {
    if (depth == 0) {
      throw new NoOpenTransactionException("commit");
    }
    depth--;
    top.commitTransaction();
    offchainIndex.commitTransaction();
    children.values().forEach(ChangeSet::commitTransaction);
  }

  /**
   * Opens a transaction on behalf of the node (not the runtime) whose effects can be read and then
   * kept or undone as a whole: an execution strategy runs the native runtime, reads what it did,
   * rolls it back and runs Wasm. Unlike a runtime's own rollback, rolling back a savepoint also
   * drops the transaction-index operations made since.
   *
   * <pre>{@code
   * OverlayedChanges.Savepoint sp = changes.savepoint();
   * runNative(changes);
   * SavepointChanges nativeChanges = sp.changes();
   * sp.rollback();
   * }</pre>
   */
  public Savepoint savepoint() {
    startTransaction();
    return new Savepoint(depth, transactionIndex.size());
  }

  /**
   * A transaction opened by {@link #savepoint()}; it must be closed ({@link #commit} or {@link
   * #rollback}) before any savepoint or transaction opened before it.
   */
  public final class Savepoint {
    private final int depthAtStart;
    private final int transactionIndexAtStart;
    private boolean closed;

    private Savepoint(int depthAtStart, int transactionIndexAtStart) {
      this.depthAtStart = depthAtStart;
      this.transactionIndexAtStart = transactionIndexAtStart;
    }

    /**
     * What was written since this savepoint. Transactions a call left open above it are rolled back
     * first (as the executor does after a runtime call).
     *
     * @throws IllegalStateException if the savepoint is closed or an outer transaction was closed
     */
    public SavepointChanges changes() {
      closeNested();
      TreeMap<Bytes, NavigableMap<Bytes, SavepointChanges.Write>> childWrites = new TreeMap<>();
      children.forEach((k, v) -> childWrites.put(k, v.writesInTransaction()));
      return new SavepointChanges(
          top.writesInTransaction(),
          childWrites,
          offchainIndex.writesInTransaction(),
          transactionIndex.subList(transactionIndexAtStart, transactionIndex.size()));
    }

    /** Keeps everything written since this savepoint in the enclosing transaction, if any. */
    public void commit() {
      closeNested();
      commitTransaction();
      close();
    }

    /** Undoes everything written since this savepoint, transaction-index operations included. */
    public void rollback() {
      closeNested();
      rollbackTransaction();
      transactionIndex.subList(transactionIndexAtStart, transactionIndex.size()).clear();
      close();
    }

    private void closeNested() {
      if (closed) {
        throw new IllegalStateException("savepoint already committed or rolled back");
      }
      if (depth < depthAtStart) {
        throw new IllegalStateException(
            "savepoint at transaction depth "
                + depthAtStart
                + " outlived its transaction (depth is now "
                + depth
                + ")");
      }
      while (depth > depthAtStart) {
        rollbackTransaction();
      }
    }

    private void close() {
      closed = true;
    }
  }

  /** Number of open transactions. */
  public int transactionDepth() {
    return depth;
  }

  /** Top-trie changes in key order. */
  public List<StorageChange> topChanges() {
    return toChanges(top);
  }

  /** Child tries with at least one change, in key order. */
  public List<Bytes> changedChildTries() {
    List<Bytes> out = new ArrayList<>();
    children.forEach(
        (k, v) -> {
          if (!v.isEmpty()) {
            out.add(k);
          }
        });
    return out;
  }

  /** Changes of one child trie in key order. */
  public List<StorageChange> childChanges(Bytes childKey) {
    ChangeSet child = children.get(childKey);
    return child == null ? List.of() : toChanges(child);
  }

  /**
   * The top-trie delta of these changes for a root computation: the top changes plus, for each
   * changed child trie, its new root under {@code :child_storage:default:} ‖ child key (a deletion
   * when the child trie became empty). Child roots come from {@code childRoot}, called once per
   * changed child trie in key order.
   */
  List<StorageChange> topDeltaWithChildRoots(
      BiFunction<Bytes, List<StorageChange>, Hash256> childRoot) {
    TreeMap<Bytes, StorageChange> delta = new TreeMap<>();
    for (StorageChange c : topChanges()) {
      delta.put(c.key(), c);
    }
    for (Bytes childKey : changedChildTries()) {
      Hash256 root = childRoot.apply(childKey, childChanges(childKey));
      Bytes rootKey = WellKnownKeys.DEFAULT_CHILD_STORAGE_PREFIX.concat(childKey);
      delta.put(
          rootKey,
          root.equals(StateBackend.EMPTY_TRIE_ROOT)
              ? StorageChange.delete(rootKey)
              : StorageChange.set(rootKey, root.toBytes()));
    }
    return List.copyOf(delta.values());
  }

  /** Offchain-index changes in key order (empty value: deletion). */
  public List<StorageChange> offchainIndexChanges() {
    return toChanges(offchainIndex);
  }

  /** Transaction-index operations in call order. */
  public List<TransactionIndexOperation> transactionIndexOperations() {
    return List.copyOf(transactionIndex);
  }

  /** Whether no change of any kind was recorded. */
  public boolean isEmpty() {
    return top.isEmpty()
        && changedChildTries().isEmpty()
        && offchainIndex.isEmpty()
        && transactionIndex.isEmpty();
  }

  private ChangeSet child(Bytes childKey) {
    return children.computeIfAbsent(childKey, k -> new ChangeSet(depth));
  }

  private static OverlayLookup toLookup(Optional<Bytes> value) {
    return value.<OverlayLookup>map(OverlayLookup.Value::new).orElse(OverlayLookup.DELETED);
  }

  private static List<StorageChange> toChanges(ChangeSet set) {
    List<StorageChange> out = new ArrayList<>(set.all().size());
    for (Map.Entry<Bytes, OverlayLookup> e : set.all().entrySet()) {
      out.add(
          e.getValue() instanceof OverlayLookup.Value(Bytes v)
              ? StorageChange.set(e.getKey(), v)
              : StorageChange.delete(e.getKey()));
    }
    return out;
  }
}
