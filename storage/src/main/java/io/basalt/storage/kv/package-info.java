/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Column-oriented key-value stores with atomic write batches: the persistence layer under the trie
 * node store and the block store.
 *
 * <p>{@link io.basalt.storage.kv.KeyValueStore} is the interface, {@link
 * io.basalt.storage.kv.Column} names its columns (stable names, documented one by one), {@link
 * io.basalt.storage.kv.InMemoryKeyValueStore} serves tests and {@link
 * io.basalt.storage.kv.rocksdb.RocksDbKeyValueStore} the node. Both pass {@code
 * KeyValueStoreContractTest}.
 *
 * <pre>{@code
 * try (KeyValueStore kv = new InMemoryKeyValueStore(); WriteBatch batch = kv.newBatch()) {
 *   batch.put(Column.META, key, value).delete(Column.META, oldKey);
 *   batch.commit(); // all or nothing
 * }
 * }</pre>
 */
package io.basalt.storage.kv;
