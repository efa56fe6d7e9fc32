/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.chain;

import io.basalt.executor.api.OffchainStorage;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.storage.kv.Column;
import io.basalt.storage.kv.KeyValueStore;
import io.basalt.storage.kv.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offchain database in the node's {@link Column#OFFCHAIN} column, laid out as Substrate's
 * {@code sc-client-db} does: the PERSISTENT space under the prefix {@code storage} ({@code
 * sp_core::offchain::STORAGE_PREFIX}), shared with the {@code ext_offchain_index_*} values that
 * block import writes there (see {@link #persistentKey}).
 *
 * <p>The LOCAL (fork-aware) space is not available, as in Substrate: its calls log an error and
 * return the default (nothing stored, {@code compare_and_set} fails). {@link #compareAndSet} is
 * atomic with respect to every other call on this object (one lock); block import writes the same
 * column through its own atomic batch.
 *
 * <pre>{@code
 * OffchainStorage storage = new DatabaseOffchainStorage(kv);
 * storage.compareAndSet(Kind.PERSISTENT, key, Optional.empty(), value);
 * }</pre>
 */
public final class DatabaseOffchainStorage implements OffchainStorage {
  private static final Logger LOG = LoggerFactory.getLogger("offchain");

  /** Substrate's {@code STORAGE_PREFIX}: the PERSISTENT space and the offchain index. */
  public static final Bytes PERSISTENT_PREFIX =
      Bytes.wrap("storage".getBytes(StandardCharsets.US_ASCII));

  private final KeyValueStore store;

  public DatabaseOffchainStorage(KeyValueStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** The database key of a PERSISTENT-space (or offchain-index) key. */
  public static Bytes persistentKey(Bytes key) {
    return PERSISTENT_PREFIX.concat(key);
  }

  @Override
  public synchronized void set(Kind kind, Bytes key, Bytes value) {
    if (kind == Kind.LOCAL) {
      unavailable("set");
      return;
    }
    try (WriteBatch batch = store.newBatch()) {
      batch.put(Column.OFFCHAIN, persistentKey(key), value);
      batch.commit();
    }
  }

  @Override
  public synchronized void clear(Kind kind, Bytes key) {
    if (kind == Kind.LOCAL) {
      unavailable("clear");
      return;
    }
    try (WriteBatch batch = store.newBatch()) {
      batch.delete(Column.OFFCHAIN, persistentKey(key));
      batch.commit();
    }
  }

  @Override
  public synchronized Optional<Bytes> get(Kind kind, Bytes key) {
    if (kind == Kind.LOCAL) {
      unavailable("get");
      return Optional.empty();
    }
    return store.get(Column.OFFCHAIN, persistentKey(key));
  }

  @Override
  public synchronized boolean compareAndSet(
      Kind kind, Bytes key, Optional<Bytes> expected, Bytes newValue) {
    if (kind == Kind.LOCAL) {
      unavailable("compare_and_set");
      return false;
    }
    if (!store.get(Column.OFFCHAIN, persistentKey(key)).equals(expected)) {
      return false;
    }
    set(kind, key, newValue);
    return true;
  }

  private static void unavailable(String operation) {
    LOG.error(
        "offchain LOCAL storage is not available yet ({}); the PERSISTENT space works", operation);
  }
}
