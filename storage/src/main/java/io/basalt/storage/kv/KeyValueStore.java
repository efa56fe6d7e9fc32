/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.kv;

import io.basalt.primitives.bytes.Bytes;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A column-oriented key-value store with atomic write batches. Keys are ordered as unsigned bytes
 * (the order of storage keys in Substrate).
 *
 * <p>Implementations are thread-safe. Streams returned by {@link #range} and {@link #prefix} hold
 * resources (a database iterator) and must be closed, e.g. with try-with-resources; they see the
 * store as it was when they were opened.
 *
 * <pre>{@code
 * try (Stream<KeyValue> entries = store.prefix(Column.BLOCK_HASHES, Bytes.EMPTY)) {
 *   entries.forEach(e -> ...);
 * }
 * }</pre>
 */
public interface KeyValueStore extends AutoCloseable {

  /**
   * The value stored under {@code key} in the column.
   *
   * @throws io.basalt.storage.StorageException if the store fails
   */
  Optional<Bytes> get(Column column, Bytes key);

  /** Whether the column holds {@code key}. */
  default boolean contains(Column column, Bytes key) {
    return get(column, key).isPresent();
  }

  /**
   * The pairs with {@code fromInclusive <= key < toExclusive} (no upper bound if empty), in
   * unsigned lexicographic key order. Close the stream when done.
   */
  Stream<KeyValue> range(Column column, Bytes fromInclusive, Optional<Bytes> toExclusive);

  /** The pairs whose key starts with {@code prefix}, in key order. Close the stream when done. */
  default Stream<KeyValue> prefix(Column column, Bytes prefix) {
    return range(column, prefix, prefixEnd(prefix));
  }

  /** Starts a batch of writes, applied atomically by {@link WriteBatch#commit()}. */
  WriteBatch newBatch();

  /** Closes the store; open streams are closed and later calls fail. */
  @Override
  void close();

  /**
   * The smallest key greater than every key starting with {@code prefix}, or empty if there is none
   * (the prefix is empty or all {@code 0xff}).
   */
  static Optional<Bytes> prefixEnd(Bytes prefix) {
    byte[] p = prefix.toArray();
    for (int i = p.length - 1; i >= 0; i--) {
      if (p[i] != (byte) 0xff) {
        byte[] end = Arrays.copyOf(p, i + 1);
        end[i]++;
        return Optional.of(Bytes.wrap(end));
      }
    }
    return Optional.empty();
  }
}
