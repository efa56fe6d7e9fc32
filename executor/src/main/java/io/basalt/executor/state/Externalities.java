/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.state;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The state a runtime call sees and changes: what the storage, child-storage, offchain-index and
 * transaction-index host functions talk to (Substrate's {@code Externalities}). Implementations
 * layer uncommitted changes over a backend ({@link OverlayedExternalities}).
 *
 * <p>Child tries are named by their key without the {@code :child_storage:default:} prefix. Backend
 * failures are fatal and propagate; they are never turned into "absent".
 */
public interface Externalities {
  /** Value of a top-trie key. */
  Optional<Bytes> get(Bytes key);

  /** Whether a top-trie key has a value. */
  boolean exists(Bytes key);

  /** Sets a top-trie key (keys under {@code :child_storage:} are ignored with a warning). */
  void set(Bytes key, Bytes value);

  /** Deletes a top-trie key (keys under {@code :child_storage:} are ignored with a warning). */
  void clear(Bytes key);

  /**
   * Appends one SCALE-encoded item to the SCALE {@code Vec} stored at {@code key}: bumps the
   * compact count and appends the item; an absent or undecodable value becomes {@code [item]}.
   */
  void append(Bytes key, Bytes item);

  /** The smallest top-trie key strictly greater than {@code key}, overlay and backend merged. */
  Optional<Bytes> nextKey(Bytes key);

  /**
   * Deletes the keys with {@code prefix}: all overlay keys, and backend keys from {@code cursor}
   * on, visiting at most {@code limit} backend keys.
   */
  RemovalResult clearPrefix(Bytes prefix, OptionalLong limit, Optional<Bytes> cursor);

  /** Root of the top trie with all changes applied (child roots recomputed first). */
  Hash256 storageRoot(StateVersion version);

  /** Value of a child-trie key. */
  Optional<Bytes> childGet(Bytes childKey, Bytes key);

  /** Whether a child-trie key has a value. */
  boolean childExists(Bytes childKey, Bytes key);

  /** Sets a child-trie key. */
  void childSet(Bytes childKey, Bytes key, Bytes value);

  /** Deletes a child-trie key. */
  void childClear(Bytes childKey, Bytes key);

  /** The smallest key strictly greater than {@code key} in a child trie. */
  Optional<Bytes> childNextKey(Bytes childKey, Bytes key);

  /** Deletes a whole child trie, visiting at most {@code limit} backend keys. */
  RemovalResult killChild(Bytes childKey, OptionalLong limit, Optional<Bytes> cursor);

  /** Deletes the keys of a child trie with {@code prefix}. */
  RemovalResult childClearPrefix(
      Bytes childKey, Bytes prefix, OptionalLong limit, Optional<Bytes> cursor);

  /** Root of a child trie with its changes applied. */
  Hash256 childStorageRoot(Bytes childKey, StateVersion version);

  /** Opens a nested storage transaction. */
  void startTransaction();

  /**
   * Keeps the innermost transaction's changes.
   *
   * @throws NoOpenTransactionException if none is open
   */
  void commitTransaction();

  /**
   * Discards the innermost transaction's changes.
   *
   * @throws NoOpenTransactionException if none is open
   */
  void rollbackTransaction();

  /** Buffers an offchain-index write, persisted only when the block is committed. */
  void offchainIndexSet(Bytes key, Bytes value);

  /** Buffers an offchain-index deletion. */
  void offchainIndexClear(Bytes key);

  /** Records {@code ext_transaction_index_index}: index part of an extrinsic's data. */
  void indexTransaction(long extrinsic, Bytes hash, long size);

  /** Records {@code ext_transaction_index_renew}. */
  void renewTransactionIndex(long extrinsic, Bytes hash);
}
