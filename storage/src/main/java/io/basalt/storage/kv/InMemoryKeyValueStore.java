/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.kv;

import io.basalt.primitives.bytes.Bytes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * A thread-safe key-value store in memory, for tests, benchmarks and {@code --tmp}-style runs.
 * Batches are applied under a write lock, so readers never see half of one; iteration works on a
 * copy of the requested range taken when the stream is opened.
 */
public final class InMemoryKeyValueStore implements KeyValueStore {
  private final Map<Column, NavigableMap<Bytes, Bytes>> columns = new EnumMap<>(Column.class);
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean closed;

  public InMemoryKeyValueStore() {
    for (Column column : Column.values()) {
      columns.put(column, new TreeMap<>());
    }
  }

  @Override
  public Optional<Bytes> get(Column column, Bytes key) {
    Objects.requireNonNull(key, "key");
    lock.readLock().lock();
    try {
      checkOpen();
      return Optional.ofNullable(columns.get(column).get(key));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Stream<KeyValue> range(Column column, Bytes fromInclusive, Optional<Bytes> toExclusive) {
    List<KeyValue> copy = new ArrayList<>();
    lock.readLock().lock();
    try {
      checkOpen();
      NavigableMap<Bytes, Bytes> map = columns.get(column);
      NavigableMap<Bytes, Bytes> view =
          toExclusive.isPresent()
              ? (fromInclusive.compareTo(toExclusive.get()) >= 0
                  ? new TreeMap<>()
                  : map.subMap(fromInclusive, true, toExclusive.get(), false))
              : map.tailMap(fromInclusive, true);
      view.forEach((k, v) -> copy.add(new KeyValue(k, v)));
    } finally {
      lock.readLock().unlock();
    }
    return copy.stream();
  }

  @Override
  public WriteBatch newBatch() {
    checkOpen();
    return new Batch();
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the in-memory store is closed");
    }
  }

  private final class Batch extends BufferedWriteBatch {
    @Override
    void apply(List<Op> ops) {
      lock.writeLock().lock();
      try {
        checkOpen();
        for (Op op : ops) {
          if (op.value().isEmpty()) {
            columns.get(op.column()).remove(op.key());
          } else {
            columns.get(op.column()).put(op.key(), op.value().get());
          }
        }
      } finally {
        lock.writeLock().unlock();
      }
    }
  }
}
