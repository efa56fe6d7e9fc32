/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.kv.rocksdb;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.storage.StorageException;
import io.basalt.storage.kv.Column;
import io.basalt.storage.kv.KeyValue;
import io.basalt.storage.kv.KeyValueStore;
import io.basalt.storage.kv.WriteBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Status;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link KeyValueStore} on RocksDB: one column family per {@link Column}, created when missing.
 *
 * <p>Options: {@link Column#TRIE_NODES} (random point lookups by hash) gets a bloom filter and its
 * own LRU block cache with index and filter blocks cached; the other columns share a smaller cache.
 * Batches are written through the write-ahead log with {@code sync = true} by default, so a
 * committed batch survives a crash or power loss, and RocksDB's write batches are atomic.
 *
 * <p>Opening fails with a {@link StorageException} that says what is wrong: the directory cannot be
 * created or written, another process holds the database lock, or the directory holds something
 * that is not a (readable) RocksDB database.
 *
 * <pre>{@code
 * try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(basePath.resolve("db"))) {
 *   ...
 * }
 * }</pre>
 */
public final class RocksDbKeyValueStore implements KeyValueStore {
  private static final Logger LOG = LoggerFactory.getLogger(RocksDbKeyValueStore.class);

  static {
    RocksDB.loadLibrary();
  }

  private final Path directory;
  private final RocksDB db;
  private final DBOptions dbOptions;
  private final List<ColumnFamilyOptions> columnOptions;
  private final List<ColumnFamilyHandle> allHandles;
  private final Map<Column, ColumnFamilyHandle> handles;
  private final List<AutoCloseable> resources;
  private final WriteOptions writeOptions;
  private final boolean readOnly;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Set<Cursor> openCursors = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private RocksDbKeyValueStore(
      Path directory,
      RocksDB db,
      DBOptions dbOptions,
      List<ColumnFamilyOptions> columnOptions,
      List<ColumnFamilyHandle> allHandles,
      Map<Column, ColumnFamilyHandle> handles,
      List<AutoCloseable> resources,
      WriteOptions writeOptions,
      boolean readOnly) {
    this.readOnly = readOnly;
    this.directory = directory;
    this.db = db;
    this.dbOptions = dbOptions;
    this.columnOptions = columnOptions;
    this.allHandles = allHandles;
    this.handles = handles;
    this.resources = resources;
    this.writeOptions = writeOptions;
  }

  /** Opens (creating if needed) the database in {@code directory} with default settings. */
  public static RocksDbKeyValueStore open(Path directory) {
    return open(directory, RocksDbConfig.DEFAULT);
  }

  /**
   * Opens (creating if needed) the database in {@code directory}.
   *
   * @throws StorageException if the directory is not usable, the database is locked by another
   *     process, or the directory does not hold a readable RocksDB database
   */
  public static RocksDbKeyValueStore open(Path directory, RocksDbConfig config) {
    Path dir = directory.toAbsolutePath().normalize();
    checkDirectory(dir);
    List<AutoCloseable> resources = new ArrayList<>();
    DBOptions dbOptions =
        new DBOptions()
            .setCreateIfMissing(true)
            .setCreateMissingColumnFamilies(true)
            .setMaxBackgroundJobs(2)
            .setKeepLogFileNum(3)
            .setInfoLogLevel(InfoLogLevel.WARN_LEVEL);
    LRUCache trieCache = new LRUCache(config.trieNodeCacheBytes());
    LRUCache otherCache = new LRUCache(config.otherCacheBytes());
    BloomFilter bloom = new BloomFilter(10);
    resources.add(trieCache);
    resources.add(otherCache);
    resources.add(bloom);

    List<ColumnFamilyOptions> columnOptions = new ArrayList<>();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    ColumnFamilyOptions defaultOptions = new ColumnFamilyOptions();
    columnOptions.add(defaultOptions);
    descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, defaultOptions));
    Map<Column, Integer> positions = new EnumMap<>(Column.class);
    for (Column column : Column.values()) {
      positions.put(column, descriptors.size());
      BlockBasedTableConfig table =
          new BlockBasedTableConfig()
              .setBlockCache(column == Column.TRIE_NODES ? trieCache : otherCache)
              .setCacheIndexAndFilterBlocks(true)
              .setPinL0FilterAndIndexBlocksInCache(true);
      if (column == Column.TRIE_NODES) {
        table.setFilterPolicy(bloom);
      }
      ColumnFamilyOptions options =
          new ColumnFamilyOptions()
              .setTableFormatConfig(table)
              .setCompressionType(CompressionType.LZ4_COMPRESSION);
      if (column == Column.TRIE_NODES) {
        options.setOptimizeFiltersForHits(false);
      }
      columnOptions.add(options);
      descriptors.add(new ColumnFamilyDescriptor(nameOf(column), options));
    }
    // Column families written by a newer version must be opened too; they are left untouched.
    for (byte[] existing : existingColumnFamilies(dir)) {
      boolean known = descriptors.stream().anyMatch(d -> Arrays.equals(d.getName(), existing));
      if (!known) {
        ColumnFamilyOptions options = new ColumnFamilyOptions();
        columnOptions.add(options);
        descriptors.add(new ColumnFamilyDescriptor(existing, options));
        LOG.warn(
            "database {} has an unknown column family '{}'; leaving it untouched",
            dir,
            new String(existing, StandardCharsets.UTF_8));
      }
    }

    List<ColumnFamilyHandle> allHandles = new ArrayList<>();
    RocksDB db;
    try {
      db = RocksDB.open(dbOptions, dir.toString(), descriptors, allHandles);
    } catch (RocksDBException e) {
      columnOptions.forEach(ColumnFamilyOptions::close);
      dbOptions.close();
      closeAll(resources);
      throw translateOpenFailure(dir, e);
    }
    Map<Column, ColumnFamilyHandle> handles = new EnumMap<>(Column.class);
    positions.forEach((column, position) -> handles.put(column, allHandles.get(position)));
    WriteOptions writeOptions = new WriteOptions().setSync(config.syncWrites());
    LOG.debug("opened RocksDB database at {}", dir);
    return new RocksDbKeyValueStore(
        dir, db, dbOptions, columnOptions, allHandles, handles, resources, writeOptions, false);
  }

  /**
   * Opens an existing database for reading only: nothing in {@code directory} is created or written
   * (no lock taken, no log replayed to disk, no info log), so it works while a node has the
   * database open, and sees the data as it was when opened. Columns the database does not have read
   * as empty. {@link #newBatch} fails.
   *
   * @throws StorageException if {@code directory} holds no RocksDB database or it cannot be read
   */
  public static RocksDbKeyValueStore openReadOnly(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve("CURRENT"))) {
      throw new StorageException(
          "no database at " + dir + " (no RocksDB CURRENT file there)", null, false);
    }
    List<byte[]> existing = existingColumnFamilies(dir);
    List<AutoCloseable> resources = new ArrayList<>();
    DBOptions dbOptions =
        new DBOptions().setCreateIfMissing(false).setInfoLogLevel(InfoLogLevel.ERROR_LEVEL);
    List<ColumnFamilyOptions> columnOptions = new ArrayList<>();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    Map<Column, Integer> positions = new EnumMap<>(Column.class);
    for (byte[] name : existing) {
      ColumnFamilyOptions options = new ColumnFamilyOptions();
      columnOptions.add(options);
      for (Column column : Column.values()) {
        if (Arrays.equals(nameOf(column), name)) {
          positions.put(column, descriptors.size());
        }
      }
      descriptors.add(new ColumnFamilyDescriptor(name, options));
    }
    List<ColumnFamilyHandle> allHandles = new ArrayList<>();
    RocksDB db;
    try {
      db = RocksDB.openReadOnly(dbOptions, dir.toString(), descriptors, allHandles);
    } catch (RocksDBException e) {
      columnOptions.forEach(ColumnFamilyOptions::close);
      dbOptions.close();
      throw translateOpenFailure(dir, e);
    }
    Map<Column, ColumnFamilyHandle> handles = new EnumMap<>(Column.class);
    positions.forEach((column, position) -> handles.put(column, allHandles.get(position)));
    LOG.debug("opened RocksDB database at {} read-only", dir);
    return new RocksDbKeyValueStore(
        dir,
        db,
        dbOptions,
        columnOptions,
        allHandles,
        handles,
        resources,
        new WriteOptions(),
        true);
  }

  /**
   * Whether an open store, in this process or another, holds the lock of the database in {@code
   * directory} (RocksDB's {@code LOCK} file). A directory without a database is not locked.
   *
   * <p>The probe opens the database with the default column family only: RocksDB takes the lock
   * first and then refuses the open because the node's column families are not listed, before it
   * replays the log or writes any data. So the probe changes nothing but RocksDB's info log.
   */
  public static boolean isLocked(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve("CURRENT"))) {
      return false;
    }
    try (Options options =
        new Options().setCreateIfMissing(false).setInfoLogLevel(InfoLogLevel.WARN_LEVEL)) {
      RocksDB.open(options, dir.toString()).close();
      return false;
    } catch (RocksDBException e) {
      return isLockFailure(String.valueOf(e.getMessage()));
    }
  }

  /** The database directory. */
  public Path directory() {
    return directory;
  }

  @Override
  public Optional<Bytes> get(Column column, Bytes key) {
    lock.readLock().lock();
    try {
      checkOpen();
      ColumnFamilyHandle handle = handles.get(column);
      if (handle == null) {
        return Optional.empty();
      }
      byte[] value = db.get(handle, key.unsafeArray());
      return value == null ? Optional.empty() : Optional.of(Bytes.wrap(value));
    } catch (RocksDBException e) {
      throw failure("read from column " + column.storageName(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public boolean contains(Column column, Bytes key) {
    lock.readLock().lock();
    try {
      checkOpen();
      ColumnFamilyHandle handle = handles.get(column);
      if (handle == null) {
        return false;
      }
      if (!db.keyMayExist(handle, key.unsafeArray(), null)) {
        return false;
      }
      return db.get(handle, key.unsafeArray()) != null;
    } catch (RocksDBException e) {
      throw failure("read from column " + column.storageName(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Stream<KeyValue> range(Column column, Bytes fromInclusive, Optional<Bytes> toExclusive) {
    Cursor cursor;
    lock.readLock().lock();
    try {
      checkOpen();
      if (!handles.containsKey(column)) {
        return Stream.empty();
      }
      cursor = new Cursor(handles.get(column), fromInclusive, toExclusive);
      openCursors.add(cursor);
    } finally {
      lock.readLock().unlock();
    }
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                cursor, Spliterator.ORDERED | Spliterator.DISTINCT | Spliterator.NONNULL),
            false)
        .onClose(cursor::close);
  }

  @Override
  public WriteBatch newBatch() {
    checkOpen();
    if (readOnly) {
      throw new StorageException(
          "the database at " + directory + " is open read-only: nothing may be written",
          null,
          false);
    }
    return new Batch();
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (Cursor cursor : List.copyOf(openCursors)) {
        cursor.release();
      }
      writeOptions.close();
      allHandles.forEach(ColumnFamilyHandle::close);
      try {
        db.closeE();
      } catch (RocksDBException e) {
        LOG.warn("error while closing RocksDB at {}: {}", directory, e.getMessage());
      }
      dbOptions.close();
      columnOptions.forEach(ColumnFamilyOptions::close);
      closeAll(resources);
      LOG.debug("closed RocksDB database at {}", directory);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the RocksDB store at " + directory + " is closed");
    }
  }

  private StorageException failure(String action, RocksDBException e) {
    Status.Code code = e.getStatus() == null ? null : e.getStatus().getCode();
    return new StorageException(
        "RocksDB at " + directory + " failed to " + action + ": " + e.getMessage(),
        e,
        code == Status.Code.Corruption);
  }

  private static byte[] nameOf(Column column) {
    return column.storageName().getBytes(StandardCharsets.US_ASCII);
  }

  /** The files RocksDB writes while creating a database, before CURRENT: no data in them. */
  private static final Pattern CREATION_ARTIFACT =
      Pattern.compile("LOCK|LOG|LOG\\.old\\.\\d+|IDENTITY|MANIFEST-\\d+|\\d+\\.dbtmp");

  private static void checkDirectory(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new StorageException(
          "database path " + dir + " exists but is not a directory", null, false);
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StorageException("cannot create database directory " + dir + ": " + e, e, false);
    }
    if (!Files.isWritable(dir)) {
      throw new StorageException(
          "database directory " + dir + " is not writable by this user", null, false);
    }
    if (!Files.exists(dir.resolve("CURRENT"))) {
      try (Stream<Path> children = Files.list(dir)) {
        // RocksDB writes CURRENT last when it creates a database; the files it writes before hold
        // no data, so a creation cut short (a crash, SIGKILL) is simply created again.
        Optional<Path> stray =
            children
                .filter(f -> !CREATION_ARTIFACT.matcher(f.getFileName().toString()).matches())
                .findFirst();
        if (stray.isPresent()) {
          throw new StorageException(
              "directory "
                  + dir
                  + " is not empty but holds no RocksDB database (no CURRENT file; found "
                  + stray.get().getFileName()
                  + "); point the node at an empty or existing database directory",
              null,
              true);
        }
      } catch (IOException e) {
        throw new StorageException("cannot list database directory " + dir + ": " + e, e, false);
      }
    }
  }

  private static List<byte[]> existingColumnFamilies(Path dir) {
    if (!Files.exists(dir.resolve("CURRENT"))) {
      return List.of();
    }
    try (Options options = new Options()) {
      return RocksDB.listColumnFamilies(options, dir.toString());
    } catch (RocksDBException e) {
      throw translateOpenFailure(dir, e);
    }
  }

  private static StorageException translateOpenFailure(Path dir, RocksDBException e) {
    String message = String.valueOf(e.getMessage());
    Status.Code code = e.getStatus() == null ? null : e.getStatus().getCode();
    if (code == Status.Code.Corruption) {
      return new StorageException(
          "database " + dir + " is corrupted or not a RocksDB database: " + message, e, true);
    }
    if (isLockFailure(message)) {
      return new StorageException(
          "database "
              + dir
              + " is locked by another process (is another node running with the same base"
              + " path?): "
              + message,
          e,
          false);
    }
    if (message.contains("Permission denied") || message.contains("Read-only file system")) {
      return new StorageException(
          "database directory " + dir + " is not writable: " + message, e, false);
    }
    return new StorageException(
        "cannot open RocksDB database " + dir + " (" + code + "): " + message, e, true);
  }

  // RocksDB reports a held lock as an IO error on the LOCK file ("While lock file: ...", or
  // "lock hold by current process" when this JVM already has it open).
  private static boolean isLockFailure(String message) {
    return message.contains("/LOCK") || message.contains("lock hold by current process");
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception e) {
        LOG.debug("error closing a RocksDB resource", e);
      }
    }
  }

  /** An iterator over one column range; holds a RocksDB iterator until closed. */
  private final class Cursor implements Iterator<KeyValue> {
    private final RocksIterator iterator;
    private final ReadOptions readOptions;
    private final Slice upperBound;
    private boolean released;

    Cursor(ColumnFamilyHandle handle, Bytes from, Optional<Bytes> to) {
      this.readOptions = new ReadOptions();
      this.upperBound = to.map(t -> new Slice(t.toArray())).orElse(null);
      if (upperBound != null) {
        readOptions.setIterateUpperBound(upperBound);
      }
      this.iterator = db.newIterator(handle, readOptions);
      iterator.seek(from.unsafeArray());
    }

    @Override
    public boolean hasNext() {
      lock.readLock().lock();
      try {
        synchronized (this) {
          if (released) {
            if (closed) {
              throw new IllegalStateException("the RocksDB store at " + directory + " is closed");
            }
            return false;
          }
          if (iterator.isValid()) {
            return true;
          }
          try {
            iterator.status();
          } catch (RocksDBException e) {
            throw failure("iterate", e);
          }
          return false;
        }
      } finally {
        lock.readLock().unlock();
      }
    }

    @Override
    public KeyValue next() {
      lock.readLock().lock();
      try {
        synchronized (this) {
          if (released || !iterator.isValid()) {
            throw new NoSuchElementException();
          }
          KeyValue kv = new KeyValue(Bytes.wrap(iterator.key()), Bytes.wrap(iterator.value()));
          iterator.next();
          return kv;
        }
      } finally {
        lock.readLock().unlock();
      }
    }

    void close() {
      lock.readLock().lock();
      try {
        release();
      } finally {
        lock.readLock().unlock();
      }
    }

    synchronized void release() {
      if (released) {
        return;
      }
      released = true;
      openCursors.remove(this);
      iterator.close();
      readOptions.close();
      if (upperBound != null) {
        upperBound.close();
      }
    }
  }

  /** A RocksDB write batch, written with the store's write options. */
  private final class Batch implements WriteBatch {
    private final org.rocksdb.WriteBatch batch = new org.rocksdb.WriteBatch();
    private boolean done;

    @Override
    public WriteBatch put(Column column, Bytes key, Bytes value) {
      checkUsable();
      Objects.requireNonNull(value, "value");
      try {
        batch.put(handles.get(column), key.unsafeArray(), value.unsafeArray());
      } catch (RocksDBException e) {
        throw failure("buffer a write", e);
      }
      return this;
    }

    @Override
    public WriteBatch delete(Column column, Bytes key) {
      checkUsable();
      try {
        batch.delete(handles.get(column), key.unsafeArray());
      } catch (RocksDBException e) {
        throw failure("buffer a delete", e);
      }
      return this;
    }

    @Override
    public int size() {
      return batch.count();
    }

    @Override
    public void commit() {
      checkUsable();
      done = true;
      lock.readLock().lock();
      try {
        checkOpen();
        db.write(writeOptions, batch);
      } catch (RocksDBException e) {
        throw failure("commit a write batch of " + batch.count() + " operations", e);
      } finally {
        lock.readLock().unlock();
        batch.close();
      }
    }

    @Override
    public void close() {
      if (batch.isOwningHandle()) {
        batch.close();
      }
      done = true;
    }

    private void checkUsable() {
      if (done) {
        throw new IllegalStateException("write batch already committed or closed");
      }
    }
  }
}
