/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.kv;

import io.basalt.primitives.bytes.Bytes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A throw-away copy of another store: writes go to memory and are lost on close, reads see them
 * first and fall through to the store below for everything else, which is never written. Used to
 * run a node on a copy of a real chain's database (e.g. {@code try-upgrade} on a database opened
 * read-only) without copying it.
 *
 * <p>Deletions are remembered as such, so a key deleted here is absent even if the store below has
 * it. Iteration merges both, in key order. Closing closes the store below too.
 *
 * <pre>{@code
 * try (KeyValueStore copy = new OverlayKeyValueStore(RocksDbKeyValueStore.openReadOnly(dir))) {
 *   ... // build blocks; dir is unchanged
 * }
 * }</pre>
 */
public final class OverlayKeyValueStore implements KeyValueStore {
  private final KeyValueStore below;
  private final Map<Column, NavigableMap<Bytes, Optional<Bytes>>> written =
      new EnumMap<>(Column.class);
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean closed;

  /**
   * @param below the store read through; never written, closed with this one
   */
  public OverlayKeyValueStore(KeyValueStore below) {
    this.below = Objects.requireNonNull(below, "below");
    for (Column column : Column.values()) {
      written.put(column, new TreeMap<>());
    }
  }

  /** How many keys were written or deleted here (in all columns). */
  public int writtenKeys() {
    lock.readLock().lock();
    try {
      return written.values().stream().mapToInt(Map::size).sum();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Optional<Bytes> get(Column column, Bytes key) {
    Objects.requireNonNull(key, "key");
    checkOpen();
    lock.readLock().lock();
    try {
      Optional<Bytes> here = written.get(column).get(key);
      if (here != null) {
        return here;
      }
    } finally {
      lock.readLock().unlock();
    }
    return below.get(column, key);
  }

  @Override
  public Stream<KeyValue> range(Column column, Bytes fromInclusive, Optional<Bytes> toExclusive) {
    checkOpen();
    List<Map.Entry<Bytes, Optional<Bytes>>> mine = new ArrayList<>();
    lock.readLock().lock();
    try {
      NavigableMap<Bytes, Optional<Bytes>> map = written.get(column);
      NavigableMap<Bytes, Optional<Bytes>> view =
          toExclusive.isPresent()
              ? (fromInclusive.compareTo(toExclusive.get()) >= 0
                  ? new TreeMap<>()
                  : map.subMap(fromInclusive, true, toExclusive.get(), false))
              : map.tailMap(fromInclusive, true);
      view.entrySet().forEach(e -> mine.add(Map.entry(e.getKey(), e.getValue())));
    } finally {
      lock.readLock().unlock();
    }
    Stream<KeyValue> theirs = below.range(column, fromInclusive, toExclusive);
    Iterator<KeyValue> merged = new Merged(mine.iterator(), theirs.iterator());
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                merged, Spliterator.ORDERED | Spliterator.DISTINCT | Spliterator.NONNULL),
            false)
        .onClose(theirs::close);
  }

  @Override
  public WriteBatch newBatch() {
    checkOpen();
    return new Batch();
  }

  @Override
  public void close() {
    closed = true;
    below.close();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the overlay store is closed");
    }
  }

  /** Both sorted sequences in key order; where both have a key, this store's entry wins. */
  private static final class Merged implements Iterator<KeyValue> {
    private final Iterator<Map.Entry<Bytes, Optional<Bytes>>> mine;
    private final Iterator<KeyValue> theirs;
    private Map.Entry<Bytes, Optional<Bytes>> nextMine;
    private KeyValue nextTheirs;
    private KeyValue next;

    Merged(Iterator<Map.Entry<Bytes, Optional<Bytes>>> mine, Iterator<KeyValue> theirs) {
      this.mine = mine;
      this.theirs = theirs;
      this.nextMine = mine.hasNext() ? mine.next() : null;
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (nextTheirs == null && theirs.hasNext()) {
          nextTheirs = theirs.next();
        }
        if (nextMine == null && nextTheirs == null) {
          return false;
        }
        int order =
            nextMine == null
                ? 1
                : nextTheirs == null ? -1 : nextMine.getKey().compareTo(nextTheirs.key());
        if (order > 0) {
          next = nextTheirs;
          nextTheirs = null;
        } else {
          if (order == 0) {
            nextTheirs = null;
          }
          Map.Entry<Bytes, Optional<Bytes>> e = nextMine;
          nextMine = mine.hasNext() ? mine.next() : null;
          if (e.getValue().isPresent()) {
            next = new KeyValue(e.getKey(), e.getValue().get());
          }
        }
      }
      return true;
    }

    @Override
    public KeyValue next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      KeyValue kv = next;
      next = null;
      return kv;
    }
  }

  private final class Batch extends BufferedWriteBatch {
    @Override
    void apply(List<Op> ops) {
      checkOpen();
      lock.writeLock().lock();
      try {
        for (Op op : ops) {
          written.get(op.column()).put(op.key(), op.value());
        }
      } finally {
        lock.writeLock().unlock();
      }
    }
  }
}
