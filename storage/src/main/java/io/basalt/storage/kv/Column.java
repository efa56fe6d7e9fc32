/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.kv;

/**
 * The columns (RocksDB column families) of the node database. The names returned by {@link
 * #storageName()} are written into the database and must never change; add new columns instead.
 */
public enum Column {
  /**
   * Small metadata records: the schema version, genesis hash, best and finalized block. Keys are
   * short ASCII names.
   */
  META("meta"),

  /**
   * Trie nodes and V1 hashed values of every state ever committed (archive), keyed by their 32-byte
   * hash. Content-addressed: the same node shared by many states is stored once.
   */
  TRIE_NODES("trie_nodes"),

  /** SCALE-encoded block headers keyed by block hash. */
  HEADERS("headers"),

  /** SCALE-encoded block bodies ({@code Vec<OpaqueExtrinsic>}) keyed by block hash. */
  BODIES("bodies"),

  /** SCALE-encoded {@code Justifications} keyed by block hash. */
  JUSTIFICATIONS("justifications"),

  /** The canonical chain: block number (8 bytes, big-endian) to block hash. */
  BLOCK_HASHES("block_hashes"),

  /**
   * Offchain storage: the PERSISTENT space of offchain workers and the values written by {@code
   * ext_offchain_index_*} during import. Keys are chosen by the offchain layer.
   */
  OFFCHAIN("offchain"),

  /**
   * Auxiliary records that consensus keeps beside the blocks (BABE epochs, GRANDPA authority sets),
   * written in the same transaction as the block they belong to. Keys are chosen by their owner and
   * start with its engine id.
   */
  AUX("aux");

  private final String storageName;

  Column(String storageName) {
    this.storageName = storageName;
  }

  /** The stable name under which the column is stored (the RocksDB column family name). */
  public String storageName() {
    return storageName;
  }
}
