/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.archive;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.hash.Hashing;
import io.basalt.rpc.api.BlockQueryException;
import io.basalt.rpc.api.BlockSource;
import io.basalt.rpc.api.StorageEntry;
import io.basalt.rpc.method.archive.StorageStream.InvalidItemException;
import io.basalt.rpc.method.blockstorage.BlockStorage;
import io.basalt.rpc.subscription.SubscriptionSink;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code archive_v1_storageDiff} subscription: walks the keys of each item in both blocks
 * together, in key order, and sends a {@code storageDiff} event per key {@code added}, {@code
 * modified} (with the new value) or {@code deleted} (with the old one), then {@code
 * storageDiffDone}; or {@code storageDiffError} at the first failure. Without {@code previousHash}
 * the block is compared with its parent.
 */
final class StorageDiffStream {
  private static final int PAGE = 256;

  private final BlockSource source;
  private final Hash256 block;
  private final List<DiffItem> items;
  private final Optional<Hash256> previous;
  private final SubscriptionSink sink;

  StorageDiffStream(
      BlockSource source,
      Hash256 block,
      List<DiffItem> items,
      Optional<Hash256> previous,
      SubscriptionSink sink) {
    this.source = source;
    this.block = block;
    this.items = items;
    this.previous = previous;
    this.sink = sink;
  }

  void run() {
    try {
      stream();
    } catch (BlockQueryException | InvalidItemException e) {
      end(Map.of("event", "storageDiffError", "error", e.getMessage()));
    }
  }

  private void stream() {
    Hash256 before = previous.orElseGet(this::parent);
    for (DiffItem item : items) {
      Bytes prefix =
          item.key()
              .map(k -> BlockStorage.hex(k).orElseThrow(() -> new InvalidItemException(k)))
              .orElse(Bytes.EMPTY);
      Optional<Bytes> child =
          item.childTrieKey()
              .map(k -> BlockStorage.hex(k).orElseThrow(() -> new InvalidItemException(k)));
      Cursor now = new Cursor(block, child, prefix);
      Cursor then = new Cursor(before, child, prefix);
      while (now.peek() != null || then.peek() != null) {
        StorageEntry added = now.peek();
        StorageEntry gone = then.peek();
        int order = added == null ? 1 : gone == null ? -1 : added.key().compareTo(gone.key());
        boolean sent = true;
        if (order < 0) {
          sent = send(added, "added", item, child);
          now.next();
        } else if (order > 0) {
          sent = send(gone, "deleted", item, child);
          then.next();
        } else {
          if (!added.value().equals(gone.value())) {
            sent = send(added, "modified", item, child);
          }
          now.next();
          then.next();
        }
        if (!sent) {
          return;
        }
      }
    }
    end(Map.of("event", "storageDiffDone"));
  }

  private Hash256 parent() {
    Bytes header =
        source
            .header(block)
            .orElseThrow(() -> new BlockQueryException("Block header is not present: " + block));
    if (header.length() < Hash256.LENGTH) {
      throw new BlockQueryException("Block header is too short: " + block);
    }
    return Hash256.of(header.slice(0, Hash256.LENGTH).toArray());
  }

  private boolean send(StorageEntry entry, String type, DiffItem item, Optional<Bytes> child) {
    Map<String, Object> event = new LinkedHashMap<>(8);
    event.put("event", "storageDiff");
    event.put("key", entry.key());
    if (item.hashes()) {
      event.put("hash", Bytes.wrap(Hashing.blake2b256(entry.value().unsafeArray())));
    } else {
      event.put("value", entry.value());
    }
    event.put("type", type);
    child.ifPresent(c -> event.put("childTrieKey", c));
    return sink.sendWhenRoom(event);
  }

  private void end(Map<String, Object> event) {
    if (sink.sendWhenRoom(event)) {
      sink.close();
    }
  }

  /** The entries under a prefix in one block, read a page at a time. */
  private final class Cursor {
    private final Hash256 at;
    private final Optional<Bytes> child;
    private final Bytes prefix;
    private final ArrayDeque<StorageEntry> page = new ArrayDeque<>();
    private Optional<Bytes> after = Optional.empty();
    private boolean exhausted;

    Cursor(Hash256 at, Optional<Bytes> child, Bytes prefix) {
      this.at = at;
      this.child = child;
      this.prefix = prefix;
    }

    StorageEntry peek() {
      if (page.isEmpty() && !exhausted) {
        List<StorageEntry> entries = source.storageEntries(at, child, prefix, after, PAGE);
        page.addAll(entries);
        exhausted = entries.size() < PAGE;
        if (!entries.isEmpty()) {
          after = Optional.of(entries.getLast().key());
        }
      }
      return page.peek();
    }

    void next() {
      page.poll();
    }
  }
}
