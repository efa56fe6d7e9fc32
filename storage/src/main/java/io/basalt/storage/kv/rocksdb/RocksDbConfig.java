/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.kv.rocksdb;

/**
 * Tuning for {@link RocksDbKeyValueStore}.
 *
 * @param trieNodeCacheBytes LRU block cache for the trie node column
 * @param otherCacheBytes LRU block cache shared by all other columns
 * @param syncWrites whether each committed batch is fsync'ed (durable across power loss); turning
 *     it off keeps batches atomic and crash-safe for process crashes only
 */
public record RocksDbConfig(long trieNodeCacheBytes, long otherCacheBytes, boolean syncWrites) {
  /** 256 MiB for trie nodes, 32 MiB for the rest, synchronous commits. */
  public static final RocksDbConfig DEFAULT =
      new RocksDbConfig(256L * 1024 * 1024, 32L * 1024 * 1024, true);

  public RocksDbConfig {
    if (trieNodeCacheBytes <= 0 || otherCacheBytes <= 0) {
      throw new IllegalArgumentException("cache sizes must be positive");
    }
  }
}
