/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.state;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import java.util.List;
import java.util.Optional;

/**
 * The committed state a runtime call reads: the trie at a block's state root (the storage module's
 * persistent trie implements it) plus the root computation for proposed changes.
 *
 * <p>Child tries are named by their key without the {@code :child_storage:default:} prefix; their
 * roots live in the top trie under {@code :child_storage:default:} ++ child key. Failures are fatal
 * ({@code StorageException}); a backend never answers "unknown".
 */
public interface StateBackend {
  /** Root of the empty trie, BLAKE2b-256 of {@code 0x00}. */
  Hash256 EMPTY_TRIE_ROOT =
      Hash256.fromHex("03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314");

  /** Value of a top-trie key. */
  Optional<Bytes> get(Bytes key);

  /** The smallest top-trie key strictly greater than {@code key}. */
  Optional<Bytes> nextKey(Bytes key);

  /** Value of a key in a default child trie. */
  Optional<Bytes> childGet(Bytes childKey, Bytes key);

  /** The smallest key strictly greater than {@code key} in a default child trie. */
  Optional<Bytes> childNextKey(Bytes childKey, Bytes key);

  /**
   * Root of the top trie after applying {@code delta} (sorted by key, at most one change per key),
   * in the given layout. The backend itself is not modified.
   */
  Hash256 root(List<StorageChange> delta, StateVersion version);

  /** Root of a default child trie after applying {@code delta}; empty trie root if nothing left. */
  Hash256 childRoot(Bytes childKey, List<StorageChange> delta, StateVersion version);

  /** A backend with no keys, for calls that need no state ({@code Core_version}). */
  static StateBackend empty() {
    return EmptyStateBackend.INSTANCE;
  }
}
