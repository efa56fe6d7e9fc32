/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The RocksDB key-value store: one column family per {@link io.basalt.storage.kv.Column}, tuned per
 * column, with synchronous write-ahead-logged batches.
 *
 * <p>This is the only package that may import {@code org.rocksdb} (enforced by an ArchUnit test);
 * everything else talks to {@link io.basalt.storage.kv.KeyValueStore}. See ADR 0003 for the column
 * layout.
 *
 * <pre>{@code
 * try (KeyValueStore kv = RocksDbKeyValueStore.open(basePath.resolve("chains/dev/db"))) {
 *   BlockStore blocks = BlockStore.open(kv);
 * }
 * }</pre>
 */
package io.basalt.storage.kv.rocksdb;
