/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.upgrade;

import io.basalt.executor.state.StateBackend;
import io.basalt.executor.state.StorageChange;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A state that remembers which top-trie keys a call touched: each key read, each key {@code
 * next_key} started from and found, each key whose change went into a root, and for a child trie
 * the top-trie key of its root. The keys a storage proof of the call must cover.
 */
final class RecordingState implements StateBackend {
  private static final Bytes CHILD_PREFIX =
      Bytes.wrap(":child_storage:default:".getBytes(StandardCharsets.US_ASCII));

  private final StateBackend state;
  private final Set<Bytes> keys = new ConcurrentSkipListSet<>();

  RecordingState(StateBackend state) {
    this.state = state;
  }

  /** The keys touched so far, in key order. */
  Set<Bytes> keys() {
    return Set.copyOf(keys);
  }

  @Override
  public Optional<Bytes> get(Bytes key) {
    keys.add(key);
    return state.get(key);
  }

  @Override
  public Optional<Bytes> nextKey(Bytes key) {
    keys.add(key);
    Optional<Bytes> next = state.nextKey(key);
    next.ifPresent(keys::add);
    return next;
  }

  @Override
  public Optional<Bytes> childGet(Bytes childKey, Bytes key) {
    keys.add(CHILD_PREFIX.concat(childKey));
    return state.childGet(childKey, key);
  }

  @Override
  public Optional<Bytes> childNextKey(Bytes childKey, Bytes key) {
    keys.add(CHILD_PREFIX.concat(childKey));
    return state.childNextKey(childKey, key);
  }

  @Override
  public Hash256 root(List<StorageChange> delta, StateVersion version) {
    delta.forEach(c -> keys.add(c.key()));
    return state.root(delta, version);
  }

  @Override
  public Hash256 childRoot(Bytes childKey, List<StorageChange> delta, StateVersion version) {
    keys.add(CHILD_PREFIX.concat(childKey));
    return state.childRoot(childKey, delta, version);
  }
}
