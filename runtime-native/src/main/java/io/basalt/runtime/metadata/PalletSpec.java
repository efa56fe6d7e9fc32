/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata;

import java.util.List;
import java.util.Optional;

/**
 * One pallet of the runtime.
 *
 * @param name the pallet name; also its storage prefix and the name of its outer-enum variants
 * @param index the pallet index: first byte of its calls, events and module errors
 * @param storage its storage items (empty list: no storage section)
 * @param calls the key of its call enum
 * @param event the key of its event enum
 * @param constants its constants
 * @param error the key of its error enum
 * @param docs documentation lines (V15 only)
 */
public record PalletSpec(
    String name,
    int index,
    List<StorageEntrySpec> storage,
    Optional<String> calls,
    Optional<String> event,
    List<ConstantSpec> constants,
    Optional<String> error,
    List<String> docs) {
  public PalletSpec {
    storage = List.copyOf(storage);
    constants = List.copyOf(constants);
    docs = List.copyOf(docs);
  }

  /** The storage item with this name. */
  public StorageEntrySpec storageEntry(String entryName) {
    return storage.stream()
        .filter(e -> e.name().equals(entryName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(name + " has no storage " + entryName));
  }

  /** The constant with this name. */
  public ConstantSpec constant(String constantName) {
    return constants.stream()
        .filter(c -> c.name().equals(constantName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(name + " has no constant " + constantName));
  }
}
