/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.kv;

import io.basalt.primitives.bytes.Bytes;

/**
 * A set of writes applied atomically by {@link #commit()}: after a crash or a failed commit either
 * all of them are visible or none is. Writes are buffered and invisible to readers until then.
 * Closing a batch that was not committed discards it.
 *
 * <pre>{@code
 * try (WriteBatch batch = store.newBatch()) {
 *   batch.put(Column.HEADERS, hash, header);
 *   batch.put(Column.META, BEST, hash);
 *   batch.commit();
 * }
 * }</pre>
 *
 * <p>A batch is used by one thread.
 */
public interface WriteBatch extends AutoCloseable {

  /** Sets {@code key} to {@code value} in the column. */
  WriteBatch put(Column column, Bytes key, Bytes value);

  /** Removes {@code key} from the column (no effect if absent). */
  WriteBatch delete(Column column, Bytes key);

  /** The number of buffered operations. */
  int size();

  /**
   * Applies all buffered writes atomically and durably.
   *
   * @throws io.basalt.storage.StorageException if the store fails; nothing is applied then
   * @throws IllegalStateException if the batch was already committed or closed
   */
  void commit();

  /** Discards the batch if it was not committed and releases its resources. */
  @Override
  void close();
}
