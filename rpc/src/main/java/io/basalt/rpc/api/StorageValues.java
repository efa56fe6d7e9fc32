/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.primitives.bytes.Bytes;
import java.util.List;
import java.util.Optional;

/** The values of {@code dev_setStorage}, in either of the forms Chopsticks accepts. */
public sealed interface StorageValues {
  /**
   * {@code [[key, value | null], …]}: raw top-trie keys and values; {@code null} deletes.
   *
   * @param entries in the order given
   */
  record Raw(List<Entry> entries) implements StorageValues {
    public Raw {
      entries = List.copyOf(entries);
    }
  }

  /** One raw key and its new value (empty: delete). */
  record Entry(Bytes key, Optional<Bytes> value) {}

  /**
   * {@code {"Pallet": {"Item": value, "Map": [[keys, value], …], "$removePrefix": ["Map"]}}}: named
   * by the runtime's metadata, values as JSON (as polkadot.js's {@code createType} takes them) or
   * {@code 0x} hex, {@code null} deletes.
   *
   * @param pallets the JSON object as given
   */
  record ByName(JsonNode pallets) implements StorageValues {}
}
