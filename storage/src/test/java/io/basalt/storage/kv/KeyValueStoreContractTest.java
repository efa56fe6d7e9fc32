/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link KeyValueStore} must have; run once per implementation. */
public abstract class KeyValueStoreContractTest {
  protected KeyValueStore store;

  /** A fresh, empty store. */
  protected abstract KeyValueStore createStore();

  @BeforeEach
  void openStore() {
    store = createStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  protected static Bytes b(String hex) {
    return Bytes.fromHex(hex);
  }

  protected void put(Column column, String key, String value) {
    try (WriteBatch batch = store.newBatch()) {
      batch.put(column, b(key), b(value));
      batch.commit();
    }
  }

  protected static List<Bytes> keys(Stream<KeyValue> entries) {
    try (entries) {
      return entries.map(KeyValue::key).toList();
    }
  }

  @Test
  void shouldReturnEmptyWhenKeyMissing() {
    assertThat(store.get(Column.META, b("0x01"))).isEmpty();
    assertThat(store.contains(Column.META, b("0x01"))).isFalse();
  }

  @Test
  void shouldStoreAndOverwriteValues() {
    put(Column.HEADERS, "0x01", "0xaa");
    assertThat(store.get(Column.HEADERS, b("0x01"))).contains(b("0xaa"));
    assertThat(store.contains(Column.HEADERS, b("0x01"))).isTrue();
    put(Column.HEADERS, "0x01", "0xbbbb");
    assertThat(store.get(Column.HEADERS, b("0x01"))).contains(b("0xbbbb"));
  }

  @Test
  void shouldStoreEmptyValuesAndEmptyKeys() {
    put(Column.META, "0x", "0x");
    put(Column.META, "0x02", "0x");
    assertThat(store.get(Column.META, Bytes.EMPTY)).contains(Bytes.EMPTY);
    assertThat(store.get(Column.META, b("0x02"))).contains(Bytes.EMPTY);
  }

  @Test
  void shouldDeleteKeys() {
    put(Column.BODIES, "0x01", "0xaa");
    try (WriteBatch batch = store.newBatch()) {
      batch.delete(Column.BODIES, b("0x01")).delete(Column.BODIES, b("0x99"));
      batch.commit();
    }
    assertThat(store.get(Column.BODIES, b("0x01"))).isEmpty();
  }

  @Test
  void laterWritesInABatchWin() {
    try (WriteBatch batch = store.newBatch()) {
      batch.put(Column.META, b("0x01"), b("0x01"));
      batch.delete(Column.META, b("0x01"));
      batch.put(Column.META, b("0x02"), b("0x01"));
      batch.put(Column.META, b("0x02"), b("0x02"));
      assertThat(batch.size()).isEqualTo(4);
      batch.commit();
    }
    assertThat(store.get(Column.META, b("0x01"))).isEmpty();
    assertThat(store.get(Column.META, b("0x02"))).contains(b("0x02"));
  }

  @Test
  void iterationIsInUnsignedLexicographicOrder() {
    for (String key : List.of("0xff", "0x80", "0x0100", "0x7f", "0x01", "0xff00", "0x00")) {
      put(Column.TRIE_NODES, key, "0x01");
    }
    assertThat(keys(store.prefix(Column.TRIE_NODES, Bytes.EMPTY)))
        .containsExactly(
            b("0x00"), b("0x01"), b("0x0100"), b("0x7f"), b("0x80"), b("0xff"), b("0xff00"));
    assertThat(keys(store.prefix(Column.TRIE_NODES, b("0x01"))))
        .containsExactly(b("0x01"), b("0x0100"));
    assertThat(keys(store.prefix(Column.TRIE_NODES, b("0xff"))))
        .containsExactly(b("0xff"), b("0xff00"));
    assertThat(keys(store.range(Column.TRIE_NODES, b("0x02"), Optional.of(b("0xff")))))
        .containsExactly(b("0x7f"), b("0x80"));
    assertThat(keys(store.range(Column.TRIE_NODES, b("0x80"), Optional.empty())))
        .containsExactly(b("0x80"), b("0xff"), b("0xff00"));
    assertThat(keys(store.range(Column.TRIE_NODES, b("0x80"), Optional.of(b("0x10"))))).isEmpty();
  }

  @Test
  void iterationReturnsValues() {
    put(Column.OFFCHAIN, "0x0a", "0x01");
    put(Column.OFFCHAIN, "0x0b", "0x02");
    try (Stream<KeyValue> entries = store.prefix(Column.OFFCHAIN, Bytes.EMPTY)) {
      assertThat(entries.toList())
          .containsExactly(new KeyValue(b("0x0a"), b("0x01")), new KeyValue(b("0x0b"), b("0x02")));
    }
  }

  @Test
  void openStreamSeesTheStoreAsOfOpening() {
    put(Column.META, "0x01", "0x01");
    try (Stream<KeyValue> entries = store.prefix(Column.META, Bytes.EMPTY)) {
      put(Column.META, "0x02", "0x02");
      assertThat(entries.map(KeyValue::key).toList()).containsExactly(b("0x01"));
    }
  }

  @Test
  void columnsAreIsolated() {
    put(Column.HEADERS, "0x01", "0xaa");
    for (Column column : Column.values()) {
      if (column != Column.HEADERS) {
        assertThat(store.get(column, b("0x01"))).as("%s", column).isEmpty();
        assertThat(keys(store.prefix(column, Bytes.EMPTY))).as("%s", column).isEmpty();
      }
    }
  }

  @Test
  void batchIsInvisibleUntilCommitted() {
    try (WriteBatch batch = store.newBatch()) {
      batch.put(Column.META, b("0x01"), b("0x01"));
      assertThat(store.get(Column.META, b("0x01"))).isEmpty();
      batch.commit();
    }
    assertThat(store.get(Column.META, b("0x01"))).contains(b("0x01"));
  }

  @Test
  void batchThatFailsMidwayLeavesNothing() {
    put(Column.META, "0x01", "0x01");
    assertThatThrownBy(
            () -> {
              try (WriteBatch batch = store.newBatch()) {
                batch.put(Column.META, b("0x01"), b("0x02"));
                batch.put(Column.HEADERS, b("0x02"), b("0x02"));
                batch.delete(Column.META, b("0x01"));
                throw new IllegalStateException("import failed half way");
              }
            })
        .hasMessage("import failed half way");
    assertThat(store.get(Column.META, b("0x01"))).contains(b("0x01"));
    assertThat(store.get(Column.HEADERS, b("0x02"))).isEmpty();
  }

  @Test
  void closedOrCommittedBatchCannotBeUsed() {
    WriteBatch batch = store.newBatch();
    batch.put(Column.META, b("0x01"), b("0x01"));
    batch.commit();
    assertThatThrownBy(() -> batch.put(Column.META, b("0x02"), b("0x02")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(batch::commit).isInstanceOf(IllegalStateException.class);
    batch.close();
    WriteBatch discarded = store.newBatch();
    discarded.put(Column.META, b("0x03"), b("0x03"));
    discarded.close();
    assertThatThrownBy(discarded::commit).isInstanceOf(IllegalStateException.class);
    assertThat(store.get(Column.META, b("0x03"))).isEmpty();
  }

  @Test
  void closedStoreRejectsCalls() {
    store.close();
    assertThatThrownBy(() -> store.get(Column.META, b("0x01")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> store.newBatch()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void prefixEndIsTheNextKeyAfterAllPrefixedKeys() {
    assertThat(KeyValueStore.prefixEnd(b("0x01ff"))).contains(b("0x02"));
    assertThat(KeyValueStore.prefixEnd(b("0x0102"))).contains(b("0x0103"));
    assertThat(KeyValueStore.prefixEnd(b("0xffff"))).isEmpty();
    assertThat(KeyValueStore.prefixEnd(Bytes.EMPTY)).isEmpty();
  }
}
