/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The overlay behaves as a store (the contract, over an empty store below), and over a filled one
 * it shows its own writes and deletions first while the store below stays as it was.
 */
class OverlayKeyValueStoreTest extends KeyValueStoreContractTest {
  @Override
  protected KeyValueStore createStore() {
    return new OverlayKeyValueStore(new InMemoryKeyValueStore());
  }

  @Test
  void writesAndDeletionsShadowTheStoreBelowWhichIsNeverWritten() {
    InMemoryKeyValueStore below = new InMemoryKeyValueStore();
    try (WriteBatch batch = below.newBatch()) {
      batch.put(Column.AUX, b("0x01"), b("0xa1"));
      batch.put(Column.AUX, b("0x03"), b("0xa3"));
      batch.put(Column.AUX, b("0x05"), b("0xa5"));
      batch.put(Column.AUX, b("0x07"), b("0xa7"));
      batch.commit();
    }
    OverlayKeyValueStore overlay = new OverlayKeyValueStore(below);
    try (WriteBatch batch = overlay.newBatch()) {
      batch.put(Column.AUX, b("0x00"), b("0xb0"));
      batch.put(Column.AUX, b("0x03"), b("0xb3"));
      batch.delete(Column.AUX, b("0x05"));
      batch.put(Column.AUX, b("0x06"), b("0xb6"));
      batch.put(Column.AUX, b("0x09"), b("0xb9"));
      batch.commit();
    }
    assertThat(overlay.get(Column.AUX, b("0x03"))).contains(b("0xb3"));
    assertThat(overlay.get(Column.AUX, b("0x05"))).isEmpty();
    assertThat(overlay.contains(Column.AUX, b("0x05"))).isFalse();
    assertThat(overlay.get(Column.AUX, b("0x07"))).contains(b("0xa7"));
    try (var all = overlay.range(Column.AUX, b("0x"), Optional.empty())) {
      assertThat(all.map(e -> e.key().toHex() + "=" + e.value().toHex()))
          .containsExactly(
              "0x00=0xb0", "0x01=0xa1", "0x03=0xb3", "0x06=0xb6", "0x07=0xa7", "0x09=0xb9");
    }
    assertThat(keys(overlay.range(Column.AUX, b("0x02"), Optional.of(b("0x07")))))
        .containsExactly(b("0x03"), b("0x06"));
    assertThat(overlay.writtenKeys()).isEqualTo(5);

    try (var below0 = below.range(Column.AUX, b("0x"), Optional.empty())) {
      assertThat(below0.map(e -> e.key().toHex() + "=" + e.value().toHex()))
          .containsExactly("0x01=0xa1", "0x03=0xa3", "0x05=0xa5", "0x07=0xa7");
    }
    overlay.close();
  }
}
