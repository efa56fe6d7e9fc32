/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.upgrade;

import io.basalt.executor.state.StateBackend;
import io.basalt.executor.state.StorageChange;
import io.basalt.node.metadata.RuntimeMetadata;
import io.basalt.primitives.bytes.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A block's storage changes counted by pallet and storage item: the item is found by its key prefix
 * {@code twox128(pallet) ++ twox128(item)} in the metadata; a key under a known pallet but no known
 * item counts as {@code Pallet.<unknown>}, a well-known {@code :key} under its own name, anything
 * else as {@code <unknown>}. Writes that leave a value as it was are not changes.
 */
final class StorageDiff {
  static final String UNKNOWN = "<unknown>";

  /** FRAME's pallet storage version item, kept under every pallet's prefix outside the metadata. */
  private static final String STORAGE_VERSION = ":__STORAGE_VERSION__:";

  private StorageDiff() {}

  /**
   * @param parent the state before the block
   * @param changes the block's top-trie changes
   */
  static List<UpgradeReport.DiffGroup> of(
      StateBackend parent, List<StorageChange> changes, RuntimeMetadata metadata) {
    Map<Bytes, String> items = new HashMap<>();
    Map<Bytes, String> pallets = new HashMap<>();
    for (RuntimeMetadata.Pallet p : metadata.pallets()) {
      for (RuntimeMetadata.StorageItem item : p.storage()) {
        items.put(item.prefixKey(), p.name() + "." + item.name());
        pallets.put(item.prefixKey().slice(0, 16), p.name() + "." + UNKNOWN);
      }
      String prefix = p.storage().isEmpty() ? p.name() : p.storage().getFirst().prefix();
      items.put(
          RuntimeMetadata.plainKey(prefix, STORAGE_VERSION), p.name() + "." + STORAGE_VERSION);
    }
    Map<String, int[]> counts = new TreeMap<>();
    for (StorageChange change : changes) {
      Optional<Bytes> old = parent.get(change.key());
      if (old.equals(change.value())) {
        continue;
      }
      int kind = old.isEmpty() ? 0 : change.value().isPresent() ? 1 : 2;
      counts.computeIfAbsent(name(change.key(), items, pallets), k -> new int[3])[kind]++;
    }
    return counts.entrySet().stream()
        .map(
            e ->
                new UpgradeReport.DiffGroup(
                    e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
        .toList();
  }

  private static String name(Bytes key, Map<Bytes, String> items, Map<Bytes, String> pallets) {
    if (key.length() > 0 && key.get(0) == ':') {
      String text = new String(key.toArray(), StandardCharsets.UTF_8);
      return text.startsWith(":child_storage:") ? ":child_storage:" : text;
    }
    if (key.length() >= 32) {
      String item = items.get(key.slice(0, 32));
      if (item != null) {
        return item;
      }
    }
    if (key.length() >= 16) {
      String pallet = pallets.get(key.slice(0, 16));
      if (pallet != null) {
        return pallet;
      }
    }
    return UNKNOWN;
  }
}
