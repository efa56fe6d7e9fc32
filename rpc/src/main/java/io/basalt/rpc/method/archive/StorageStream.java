/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.archive;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.rpc.api.BlockQueryException;
import io.basalt.rpc.api.BlockSource;
import io.basalt.rpc.method.blockstorage.BlockStorage;
import io.basalt.rpc.method.blockstorage.StorageItem;
import io.basalt.rpc.method.blockstorage.StoragePage;
import io.basalt.rpc.subscription.SubscriptionSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code archive_v1_storage} subscription: a {@code storage} event per result, items in the
 * order given (descendants in key order, from {@code paginationStartKey} exclusive), then {@code
 * storageDone}; or {@code storageError} at the first failure. It waits for the client rather than
 * overflowing its buffer, and stops when the client unsubscribes.
 */
final class StorageStream {
  /** Descendants read per storage access. */
  private static final int PAGE = 256;

  private final BlockSource source;
  private final Hash256 block;
  private final List<StorageItem> items;
  private final Optional<String> childTrieText;
  private final SubscriptionSink sink;

  StorageStream(
      BlockSource source,
      Hash256 block,
      List<StorageItem> items,
      Optional<String> childTrie,
      SubscriptionSink sink) {
    this.source = source;
    this.block = block;
    this.items = items;
    this.childTrieText = childTrie;
    this.sink = sink;
  }

  void run() {
    try {
      stream();
    } catch (BlockQueryException | InvalidItemException e) {
      end(Map.of("event", "storageError", "error", e.getMessage()));
    }
  }

  private void stream() {
    Optional<Bytes> childTrie =
        childTrieText.map(
            text -> BlockStorage.hex(text).orElseThrow(() -> new InvalidItemException(text)));
    List<Bytes> keys = new ArrayList<>(items.size());
    List<Optional<Bytes>> starts = new ArrayList<>(items.size());
    for (StorageItem item : items) {
      keys.add(
          BlockStorage.hex(item.key()).orElseThrow(() -> new InvalidItemException(item.key())));
      if (item.paginationStartKey().isPresent() && !item.type().descendants()) {
        throw new InvalidItemException(
            "Pagination start key is only supported for descendants queries");
      }
      starts.add(
          item.paginationStartKey()
              .map(
                  text ->
                      BlockStorage.hex(text).orElseThrow(() -> new InvalidItemException(text))));
    }
    BlockStorage storage = new BlockStorage(source, block, childTrie);
    for (int i = 0; i < items.size(); i++) {
      StorageItem item = items.get(i);
      Bytes key = keys.get(i);
      if (!item.type().descendants()) {
        Optional<Map<String, Object>> result = storage.item(key, item.type());
        if (result.isPresent() && !send(result.get(), childTrie)) {
          return;
        }
        continue;
      }
      Optional<Bytes> after = starts.get(i);
      do {
        StoragePage page = storage.descendants(key, item.type(), after, PAGE);
        for (Map<String, Object> result : page.items()) {
          if (!send(result, childTrie)) {
            return;
          }
        }
        after = page.resumeAfter();
      } while (after.isPresent());
    }
    end(Map.of("event", "storageDone"));
  }

  private boolean send(Map<String, Object> result, Optional<Bytes> childTrie) {
    Map<String, Object> event = new LinkedHashMap<>(6);
    event.put("event", "storage");
    event.putAll(result);
    childTrie.ifPresent(child -> event.put("childTrieKey", child));
    return sink.sendWhenRoom(event);
  }

  private void end(Map<String, Object> event) {
    if (sink.sendWhenRoom(event)) {
      sink.close();
    }
  }

  /** A parameter that is not what the spec asks for, reported as {@code storageError}. */
  static final class InvalidItemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidItemException(String what) {
      super("Invalid parameter: " + what, null, false, false);
    }
  }
}
