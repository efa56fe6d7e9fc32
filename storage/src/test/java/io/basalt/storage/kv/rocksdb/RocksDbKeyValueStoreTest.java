/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.kv.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.storage.StorageException;
import io.basalt.storage.kv.Column;
import io.basalt.storage.kv.KeyValue;
import io.basalt.storage.kv.KeyValueStore;
import io.basalt.storage.kv.KeyValueStoreContractTest;
import io.basalt.storage.kv.WriteBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbKeyValueStoreTest extends KeyValueStoreContractTest {
  @TempDir Path temp;

  @Override
  protected KeyValueStore createStore() {
    return RocksDbKeyValueStore.open(temp.resolve("db"));
  }

  @Test
  void committedDataSurvivesReopening() {
    put(Column.TRIE_NODES, "0x01", "0xaa");
    put(Column.BLOCK_HASHES, "0x02", "0xbb");
    WriteBatch uncommitted = store.newBatch();
    uncommitted.put(Column.META, b("0x03"), b("0xcc"));
    store.close();
    uncommitted.close();
    try (KeyValueStore reopened = RocksDbKeyValueStore.open(temp.resolve("db"))) {
      assertThat(reopened.get(Column.TRIE_NODES, b("0x01"))).contains(b("0xaa"));
      assertThat(reopened.get(Column.BLOCK_HASHES, b("0x02"))).contains(b("0xbb"));
      assertThat(reopened.get(Column.META, b("0x03"))).isEmpty();
    }
    store = RocksDbKeyValueStore.open(temp.resolve("db2"));
  }

  @Test
  void createsAllColumnFamilies() throws IOException {
    store.close();
    store = RocksDbKeyValueStore.open(temp.resolve("db"));
    String options;
    try (Stream<Path> files = Files.list(temp.resolve("db"))) {
      Path latest =
          files
              .filter(f -> f.getFileName().toString().startsWith("OPTIONS-"))
              .sorted()
              .toList()
              .getLast();
      options = Files.readString(latest, StandardCharsets.UTF_8);
    }
    for (Column column : Column.values()) {
      assertThat(options).contains("[CFOptions \"" + column.storageName() + "\"]");
    }
  }

  @Test
  void secondOpenOfTheSameDirectoryFailsAsLocked() {
    assertThatThrownBy(() -> RocksDbKeyValueStore.open(temp.resolve("db")))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("is locked by another process")
        .satisfies(e -> assertThat(((StorageException) e).unrecoverable()).isFalse());
  }

  @Test
  void aDatabaseIsLockedExactlyWhileAStoreHasItOpen() throws IOException {
    put(Column.META, "0x01", "0xaa");
    assertThat(RocksDbKeyValueStore.isLocked(temp.resolve("db"))).isTrue();
    store.close();
    var before = dataFiles(temp.resolve("db"));
    assertThat(RocksDbKeyValueStore.isLocked(temp.resolve("db"))).isFalse();
    // The probe took and released the lock without touching the data.
    assertThat(dataFiles(temp.resolve("db"))).isEqualTo(before);
    try (KeyValueStore reopened = RocksDbKeyValueStore.open(temp.resolve("db"))) {
      assertThat(reopened.get(Column.META, b("0x01"))).contains(b("0xaa"));
    }
    assertThat(RocksDbKeyValueStore.isLocked(temp.resolve("missing"))).isFalse();
    assertThat(RocksDbKeyValueStore.isLocked(Files.createDirectories(temp.resolve("empty"))))
        .isFalse();
    store = RocksDbKeyValueStore.open(temp.resolve("db2"));
  }

  /** Every file but RocksDB's info logs, with its size and modification time. */
  private static Map<String, String> dataFiles(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path f : list.toList()) {
        String name = f.getFileName().toString();
        if (!name.startsWith("LOG")) {
          files.put(name, Files.size(f) + "@" + Files.getLastModifiedTime(f));
        }
      }
    }
    return files;
  }

  @Test
  void aCreationCutShortBeforeCurrentIsCreatedAgain() throws IOException {
    // What a SIGKILL can leave while RocksDB creates a database: everything but CURRENT.
    Path dir = Files.createDirectories(temp.resolve("interrupted"));
    Files.writeString(dir.resolve("LOCK"), "");
    Files.writeString(dir.resolve("LOG"), "partial info log");
    Files.writeString(dir.resolve("IDENTITY"), "f6a1c0de-0000-0000-0000-000000000000");
    Files.write(dir.resolve("MANIFEST-000001"), new byte[] {1, 2, 3});
    Files.write(dir.resolve("000001.dbtmp"), new byte[] {'M'});
    try (KeyValueStore created = RocksDbKeyValueStore.open(dir)) {
      try (WriteBatch batch = created.newBatch()) {
        batch.put(Column.META, b("0x01"), b("0xaa"));
        batch.commit();
      }
    }
    try (KeyValueStore reopened = RocksDbKeyValueStore.open(dir)) {
      assertThat(reopened.get(Column.META, b("0x01"))).contains(b("0xaa"));
    }
  }

  @Test
  void aDirectoryWithDataFilesButNoCurrentIsNotRecreated() throws IOException {
    // A damaged database (CURRENT lost) still has its tables and log: never start over on them.
    for (String dataFile : new String[] {"000012.sst", "000009.log", "OPTIONS-000007"}) {
      Path dir = Files.createDirectories(temp.resolve("damaged-" + dataFile));
      Files.writeString(dir.resolve("LOCK"), "");
      Files.write(dir.resolve(dataFile), new byte[] {1});
      assertThatThrownBy(() -> RocksDbKeyValueStore.open(dir))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("holds no RocksDB database")
          .hasMessageContaining(dataFile);
      assertThat(dir.resolve(dataFile)).exists();
    }
  }

  @Test
  void directoryWithForeignFilesIsNotADatabase() throws IOException {
    Path foreign = Files.createDirectories(temp.resolve("photos"));
    Files.writeString(foreign.resolve("cat.jpg"), "meow");
    assertThatThrownBy(() -> RocksDbKeyValueStore.open(foreign))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("holds no RocksDB database")
        .hasMessageContaining("cat.jpg");
  }

  @Test
  void corruptedDatabaseIsReportedAsUnrecoverable() throws IOException {
    put(Column.META, "0x01", "0x01");
    store.close();
    Files.writeString(temp.resolve("db").resolve("CURRENT"), "garbage-without-newline");
    assertThatThrownBy(() -> RocksDbKeyValueStore.open(temp.resolve("db")))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("corrupted")
        .satisfies(e -> assertThat(((StorageException) e).unrecoverable()).isTrue());
    store = RocksDbKeyValueStore.open(temp.resolve("db2"));
  }

  @Test
  void pathThatIsAFileIsRejected() throws IOException {
    Path file = Files.writeString(temp.resolve("file"), "x");
    assertThatThrownBy(() -> RocksDbKeyValueStore.open(file))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("is not a directory");
  }

  @Test
  void directoryThatCannotBeCreatedIsReported() {
    // Nobody, not even root, can create directories in procfs.
    Path impossible = Path.of("/proc/basalt-storage-test/db");
    Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc")), "needs Linux procfs");
    assertThatThrownBy(() -> RocksDbKeyValueStore.open(impossible))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("cannot create database directory");
  }

  @Test
  void readOnlyDirectoryIsReportedAsNotWritable() throws IOException {
    Path readOnly = Files.createDirectories(temp.resolve("ro"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Assumptions.assumeFalse(
          Files.isWritable(readOnly), "permissions are not enforced for this user (root)");
      assertThatThrownBy(() -> RocksDbKeyValueStore.open(readOnly))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("not writable");
    } finally {
      Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void closingTheStoreEndsOpenStreamsSafely() {
    put(Column.META, "0x01", "0x01");
    put(Column.META, "0x02", "0x02");
    Stream<KeyValue> entries = store.prefix(Column.META, Bytes.EMPTY);
    Iterator<KeyValue> it = entries.iterator();
    assertThat(it.next().key()).isEqualTo(b("0x01"));
    store.close();
    assertThatThrownBy(it::hasNext).isInstanceOf(IllegalStateException.class);
    entries.close();
    store = RocksDbKeyValueStore.open(temp.resolve("db"));
  }

  @Test
  void readOnlyOpenSeesTheDataWhileAWriterHasItOpenAndChangesNoFile() throws IOException {
    put(Column.HEADERS, "0x01", "0xaa");
    put(Column.META, "0x02", "0xbb");
    Path dir = temp.resolve("db");
    Map<String, String> before = checksums(dir);
    try (RocksDbKeyValueStore ro = RocksDbKeyValueStore.openReadOnly(dir)) {
      assertThat(ro.get(Column.HEADERS, b("0x01"))).contains(b("0xaa"));
      assertThat(keys(ro.prefix(Column.META, Bytes.EMPTY))).containsExactly(b("0x02"));
      assertThatThrownBy(ro::newBatch)
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("read-only");
    }
    assertThat(checksums(dir)).isEqualTo(before);
  }

  @Test
  void readOnlyOpenOfADirectoryWithoutADatabaseSaysSoAndCreatesNothing() {
    Path missing = temp.resolve("nothing-here");
    assertThatThrownBy(() -> RocksDbKeyValueStore.openReadOnly(missing))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("no database at");
    assertThat(Files.exists(missing)).isFalse();
  }

  private static Map<String, String> checksums(Path dir) throws IOException {
    Map<String, String> sums = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        sums.put(
            f.getFileName().toString(),
            io.basalt.primitives.hash.Hashing.blake2b256Hash(Files.readAllBytes(f)).toHex());
      }
    }
    return sums;
  }
}
