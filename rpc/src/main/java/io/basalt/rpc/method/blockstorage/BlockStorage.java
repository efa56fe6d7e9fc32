/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.blockstorage;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.rpc.api.BlockQueryException;
import io.basalt.rpc.api.BlockSource;
import io.basalt.rpc.api.StorageEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The storage of one block (main trie or one child trie) as the new spec's storage queries read it
 * (sc-rpc-spec-v2's {@code common::storage}): result items {@code {"key", "value"|"hash"|
 * "closestDescendantMerkleValue"}} with hex text, hashes being blake2-256 of the value.
 *
 * <pre>{@code
 * BlockStorage storage = new BlockStorage(source, block, Optional.empty());
 * Optional<Map<String, Object>> item = storage.item(key, StorageQueryType.VALUE);
 * StoragePage page = storage.descendants(prefix, StorageQueryType.DESCENDANTS_VALUES, after, 5);
 * }</pre>
 */
public final class BlockStorage {
  private final BlockSource source;
  private final Hash256 block;
  private final Optional<Bytes> childTrie;

  public BlockStorage(BlockSource source, Hash256 block, Optional<Bytes> childTrie) {
    this.source = source;
    this.block = block;
    this.childTrie = childTrie;
  }

  /**
   * Whether a key (or child trie key) may be queried: keys under {@code :child_storage:} are not,
   * as in Substrate ({@code is_key_queryable}).
   */
  public static boolean queryable(Bytes key) {
    return !WellKnownKeys.isChildStorageKey(key);
  }

  /**
   * Hex text as bytes (with or without {@code 0x}; empty text is no bytes), or empty if it is not
   * hex.
   */
  public static Optional<Bytes> hex(String text) {
    try {
      return Optional.of(Bytes.wrap(Hex.decode(text)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The result of a {@code value}, {@code hash} or {@code closestDescendantMerkleValue} query;
   * empty when the storage has nothing there.
   *
   * @throws BlockQueryException if the storage cannot be read
   */
  public Optional<Map<String, Object>> item(Bytes key, StorageQueryType type) {
    return switch (type) {
      case VALUE -> source.storage(block, childTrie, key).map(v -> result(key, "value", v));
      case HASH -> source.storage(block, childTrie, key).map(v -> result(key, "hash", hash(v)));
      case CLOSEST_DESCENDANT_MERKLE_VALUE ->
          source
              .closestDescendantMerkleValue(block, childTrie, key)
              .map(v -> result(key, "closestDescendantMerkleValue", v));
      case DESCENDANTS_VALUES, DESCENDANTS_HASHES ->
          throw new IllegalArgumentException(type + " is read with descendants()");
    };
  }

  /**
   * At most {@code limit} descendants of {@code key} (itself included) after {@code after}, as
   * values or hashes according to {@code type}.
   *
   * @throws BlockQueryException if the storage cannot be read
   */
  public StoragePage descendants(
      Bytes key, StorageQueryType type, Optional<Bytes> after, int limit) {
    List<StorageEntry> entries = source.storageEntries(block, childTrie, key, after, limit + 1);
    List<Map<String, Object>> items = new ArrayList<>(Math.min(entries.size(), limit));
    for (StorageEntry entry : entries.subList(0, Math.min(entries.size(), limit))) {
      items.add(
          type.hashes()
              ? result(entry.key(), "hash", hash(entry.value()))
              : result(entry.key(), "value", entry.value()));
    }
    Optional<Bytes> resume =
        entries.size() > limit ? Optional.of(entries.get(limit - 1).key()) : Optional.empty();
    return new StoragePage(items, resume);
  }

  /** {@code {"key": key, field: value}} with hex text. */
  public static Map<String, Object> result(Bytes key, String field, Bytes value) {
    Map<String, Object> item = new LinkedHashMap<>(4);
    item.put("key", key);
    item.put(field, value);
    return item;
  }

  private static Bytes hash(Bytes value) {
    return Bytes.wrap(Hashing.blake2b256(value.unsafeArray()));
  }
}
