/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.state;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import java.util.List;
import java.util.Optional;

/** The state of nothing; computes only the root of an unchanged (empty) trie. */
final class EmptyStateBackend implements StateBackend {
  static final EmptyStateBackend INSTANCE = new EmptyStateBackend();

  private EmptyStateBackend() {}

  @Override
  public Optional<Bytes> get(Bytes key) {
    return Optional.empty();
  }

  @Override
  public Optional<Bytes> nextKey(Bytes key) {
    return Optional.empty();
  }

  @Override
  public Optional<Bytes> childGet(Bytes childKey, Bytes key) {
    return Optional.empty();
  }

  @Override
  public Optional<Bytes> childNextKey(Bytes childKey, Bytes key) {
    return Optional.empty();
  }

  @Override
  public Hash256 root(List<StorageChange> delta, StateVersion version) {
    return rootOfDeletionsOnly(delta);
  }

  @Override
  public Hash256 childRoot(Bytes childKey, List<StorageChange> delta, StateVersion version) {
    return rootOfDeletionsOnly(delta);
  }

  private static Hash256 rootOfDeletionsOnly(List<StorageChange> delta) {
    if (delta.stream().allMatch(c -> c.value().isEmpty())) {
      return EMPTY_TRIE_ROOT;
    }
    throw new UnsupportedOperationException(
        "the empty state backend computes no trie roots; use a trie-backed StateBackend");
  }
}
