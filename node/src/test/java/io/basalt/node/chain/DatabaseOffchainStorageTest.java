/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.api.OffchainStorage.Kind;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.storage.kv.Column;
import io.basalt.storage.kv.InMemoryKeyValueStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DatabaseOffchainStorageTest {
  static Bytes ascii(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void persistentValuesLiveUnderSubstratesStoragePrefix() {
    InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
    DatabaseOffchainStorage storage = new DatabaseOffchainStorage(kv);
    storage.set(Kind.PERSISTENT, ascii("k"), ascii("v"));
    assertThat(kv.get(Column.OFFCHAIN, ascii("storagek"))).contains(ascii("v"));
    assertThat(storage.get(Kind.PERSISTENT, ascii("k"))).contains(ascii("v"));
    storage.clear(Kind.PERSISTENT, ascii("k"));
    assertThat(storage.get(Kind.PERSISTENT, ascii("k"))).isEmpty();
  }

  @Test
  void compareAndSetComparesWithTheCurrentValueOrAbsence() {
    DatabaseOffchainStorage storage = new DatabaseOffchainStorage(new InMemoryKeyValueStore());
    assertThat(
            storage.compareAndSet(Kind.PERSISTENT, ascii("k"), Optional.of(ascii("x")), ascii("1")))
        .isFalse();
    assertThat(storage.compareAndSet(Kind.PERSISTENT, ascii("k"), Optional.empty(), ascii("1")))
        .isTrue();
    assertThat(storage.compareAndSet(Kind.PERSISTENT, ascii("k"), Optional.empty(), ascii("2")))
        .isFalse();
    assertThat(
            storage.compareAndSet(Kind.PERSISTENT, ascii("k"), Optional.of(ascii("1")), ascii("2")))
        .isTrue();
    assertThat(storage.get(Kind.PERSISTENT, ascii("k"))).contains(ascii("2"));
  }

  @Test
  void compareAndSetIsAtomicAcrossThreads() throws Exception {
    DatabaseOffchainStorage storage = new DatabaseOffchainStorage(new InMemoryKeyValueStore());
    storage.set(Kind.PERSISTENT, ascii("counter"), ascii("0"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        tasks.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 250; i++) {
                    while (true) {
                      Optional<Bytes> current = storage.get(Kind.PERSISTENT, ascii("counter"));
                      int n =
                          Integer.parseInt(
                              new String(
                                  current.orElseThrow().unsafeArray(), StandardCharsets.US_ASCII));
                      if (storage.compareAndSet(
                          Kind.PERSISTENT,
                          ascii("counter"),
                          current,
                          ascii(Integer.toString(n + 1)))) {
                        break;
                      }
                    }
                  }
                }));
      }
      for (Future<?> f : tasks) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(storage.get(Kind.PERSISTENT, ascii("counter"))).contains(ascii("1000"));
  }

  @Test
  void localStorageIsUnavailableAsInSubstrate() {
    InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
    DatabaseOffchainStorage storage = new DatabaseOffchainStorage(kv);
    storage.set(Kind.LOCAL, ascii("k"), ascii("v"));
    assertThat(storage.get(Kind.LOCAL, ascii("k"))).isEmpty();
    assertThat(storage.compareAndSet(Kind.LOCAL, ascii("k"), Optional.empty(), ascii("v")))
        .isFalse();
    try (var entries = kv.prefix(Column.OFFCHAIN, Bytes.EMPTY)) {
      assertThat(entries).isEmpty();
    }
  }
}
