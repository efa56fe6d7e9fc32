/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Basalt's persistent storage: the Substrate state trie, key-value stores and the block store.
 *
 * <p>Sub-packages, from the bottom up:
 *
 * <ul>
 *   <li>{@link io.basalt.storage.kv}: column-oriented key-value stores ({@code KeyValueStore}) with
 *       atomic write batches; {@link io.basalt.storage.kv.rocksdb} holds the RocksDB one.
 *   <li>{@link io.basalt.storage.trie}: the base-16 Patricia-Merkle trie (node codec, roots,
 *       persistent updates, proofs) and {@code TrieNodeStore}, which keeps trie nodes in a store.
 *   <li>{@link io.basalt.storage.block}: headers, bodies, justifications and chain metadata.
 * </ul>
 *
 * <p>Every failure of stored data surfaces as a {@link io.basalt.storage.StorageException}, whose
 * {@code unrecoverable()} flag tells the node whether it must stop.
 *
 * <pre>{@code
 * try (KeyValueStore kv = RocksDbKeyValueStore.open(basePath.resolve("db"))) {
 *   BlockStore blocks = BlockStore.open(kv);
 *   Optional<Hash256> genesis = blocks.genesisHash();
 * }
 * }</pre>
 */
package io.basalt.storage;
