/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.kv;

import io.basalt.primitives.bytes.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A write batch kept as a list of operations until it commits, for the stores held in memory
 * ({@link InMemoryKeyValueStore}, {@link OverlayKeyValueStore}): the store applies the list at once
 * in {@link #apply}.
 */
abstract class BufferedWriteBatch implements WriteBatch {
  /** One buffered write: a put, or a delete when {@code value} is empty. */
  record Op(Column column, Bytes key, Optional<Bytes> value) {}

  private final List<Op> ops = new ArrayList<>();
  private boolean done;

  /** Applies the operations, in order, as one atomic change of the store. */
  abstract void apply(List<Op> ops);

  @Override
  public WriteBatch put(Column column, Bytes key, Bytes value) {
    checkUsable();
    ops.add(new Op(column, Objects.requireNonNull(key), Optional.of(value)));
    return this;
  }

  @Override
  public WriteBatch delete(Column column, Bytes key) {
    checkUsable();
    ops.add(new Op(column, Objects.requireNonNull(key), Optional.empty()));
    return this;
  }

  @Override
  public int size() {
    return ops.size();
  }

  @Override
  public void commit() {
    checkUsable();
    done = true;
    apply(ops);
  }

  @Override
  public void close() {
    done = true;
    ops.clear();
  }

  private void checkUsable() {
    if (done) {
      throw new IllegalStateException("write batch already committed or closed");
    }
  }
}
