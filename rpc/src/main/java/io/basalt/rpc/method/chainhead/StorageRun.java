/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.chainhead;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.rpc.api.BlockQueryException;
import io.basalt.rpc.method.blockstorage.BlockStorage;
import io.basalt.rpc.method.blockstorage.StoragePage;
import io.basalt.rpc.method.blockstorage.StorageQueryType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * A {@code chainHead_v1_storage} operation (sc-rpc-spec-v2's {@code ChainHeadStorage}): the {@code
 * value}, {@code hash} and {@code closestDescendantMerkleValue} items in one {@code
 * operationStorageItems} event, then the descendant queries a page at a time, taking turns, each
 * full page followed by {@code operationWaitingForContinue} until {@code chainHead_v1_continue};
 * {@code operationStorageDone} at the end, or {@code operationError} at the first failure. Keys
 * under {@code :child_storage:} are skipped.
 */
final class StorageRun {
  /** A descendant query and where it resumes. */
  private record Query(Bytes key, StorageQueryType type, Optional<Bytes> after) {}

  /** A requested item with its key read. */
  record Item(Bytes key, StorageQueryType type) {}

  private final Follow follow;
  private final Operation operation;
  private final BlockStorage storage;
  private final List<Item> items;
  private final boolean childQueryable;
  private final int pageSize;
  private final Executor pool;
  private final ArrayDeque<Query> queries = new ArrayDeque<>();

  StorageRun(
      Follow follow,
      Operation operation,
      BlockStorage storage,
      List<Item> items,
      Optional<Bytes> childTrie,
      int pageSize,
      Executor pool) {
    this.follow = follow;
    this.operation = operation;
    this.storage = storage;
    this.items = List.copyOf(items);
    this.childQueryable = childTrie.map(BlockStorage::queryable).orElse(true);
    this.pageSize = pageSize;
    this.pool = pool;
  }

  /** Answers the single-key items and starts the descendant queries. */
  void start() {
    if (!childQueryable) {
      finish(FollowEvents.storageDone(operation.id()));
      return;
    }
    List<Map<String, Object>> found = new ArrayList<>();
    for (Item item : items) {
      if (!BlockStorage.queryable(item.key())) {
        continue;
      }
      if (item.type().descendants()) {
        queries.add(new Query(item.key(), item.type(), Optional.empty()));
        continue;
      }
      try {
        storage.item(item.key(), item.type()).ifPresent(found::add);
      } catch (BlockQueryException e) {
        finish(FollowEvents.operationError(operation.id(), e.getMessage()));
        return;
      }
    }
    if (!found.isEmpty()) {
      follow.send(operation, FollowEvents.storageItems(operation.id(), found));
    }
    next();
  }

  /** Reads pages until one is full (then waits for continue) or all queries are done. */
  private void next() {
    Query query;
    while ((query = queries.poll()) != null) {
      if (follow.isStopped(operation)) {
        follow.finish(operation, Optional.empty());
        return;
      }
      StoragePage page;
      try {
        page = storage.descendants(query.key(), query.type(), query.after(), pageSize);
      } catch (BlockQueryException e) {
        finish(FollowEvents.operationError(operation.id(), e.getMessage()));
        return;
      }
      if (!page.items().isEmpty()) {
        follow.send(operation, FollowEvents.storageItems(operation.id(), page.items()));
      }
      if (page.resumeAfter().isPresent()) {
        queries.add(new Query(query.key(), query.type(), page.resumeAfter()));
        follow.waitForContinue(operation, () -> pool.execute(this::next));
        return;
      }
    }
    finish(FollowEvents.storageDone(operation.id()));
  }

  private void finish(Map<String, Object> event) {
    follow.finish(operation, Optional.of(event));
  }
}
