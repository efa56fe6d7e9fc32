/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.block;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.Justification;
import io.basalt.storage.StorageException;
import io.basalt.storage.kv.Column;
import io.basalt.storage.kv.KeyValue;
import io.basalt.storage.kv.KeyValueStore;
import io.basalt.storage.kv.WriteBatch;
import io.basalt.storage.trie.TrieCommit;
import io.basalt.storage.trie.TrieNodeStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Blocks and chain metadata in a {@link KeyValueStore}: headers, bodies and justifications by block
 * hash, the canonical chain by number, and the genesis, best and finalized blocks.
 *
 * <p>All writes go through a {@link Transaction}, which also carries trie nodes, so that genesis
 * (state nodes, header, metadata) or an imported block is committed atomically: after a crash the
 * database holds either all of it or none of it.
 *
 * <p>The {@link Column#META} column records {@link #SCHEMA_VERSION}; {@link #open} refuses a
 * database written with another layout instead of misreading it.
 *
 * <pre>{@code
 * BlockStore blocks = BlockStore.open(kv);
 * try (BlockStore.Transaction tx = blocks.transaction()) {
 *   tx.putTrieNodes(genesisState.toTrieCommit())
 *       .putHeader(genesis)
 *       .putBody(genesisHash, List.of())
 *       .setCanonical(0, genesisHash)
 *       .setGenesis(genesisHash)
 *       .setBest(new BlockRef(genesisHash, 0))
 *       .setFinalized(new BlockRef(genesisHash, 0));
 *   tx.commit();
 * }
 * }</pre>
 */
public final class BlockStore {
  /** The layout version written to {@link Column#META}; bump it on any incompatible change. */
  public static final int SCHEMA_VERSION = 1;

  static final Bytes KEY_SCHEMA_VERSION = ascii("schema_version");
  static final Bytes KEY_GENESIS = ascii("genesis_hash");
  static final Bytes KEY_BEST = ascii("best_block");
  static final Bytes KEY_FINALIZED = ascii("finalized_block");
  static final Bytes KEY_LEAVES = ascii("leaves");

  private static final ScaleCodec<List<Justification>> JUSTIFICATIONS_CODEC =
      Justification.LIST_CODEC;

  private final KeyValueStore store;

  private BlockStore(KeyValueStore store) {
    this.store = store;
  }

  /**
   * Opens the block store over a key-value store, writing the schema version into a fresh database.
   *
   * @throws StorageException (unrecoverable) if the database has another schema version, or holds
   *     data but no schema version
   */
  public static BlockStore open(KeyValueStore store) {
    Objects.requireNonNull(store, "store");
    Optional<Bytes> version = store.get(Column.META, KEY_SCHEMA_VERSION);
    if (version.isPresent()) {
      long found = decode(version.get(), ScaleCodec.U32, "schema version");
      if (found != SCHEMA_VERSION) {
        throw new StorageException(
            "database schema version "
                + found
                + " is not supported by this build, which reads version "
                + SCHEMA_VERSION
                + "; it was written by another Basalt version. Run a matching version or purge"
                + " the chain database and resync",
            null,
            true);
      }
    } else {
      if (hasAny(store, Column.META) || hasAny(store, Column.HEADERS)) {
        throw new StorageException(
            "database holds blocks but no schema version: it was not written by Basalt or is"
                + " damaged; purge the chain database and resync",
            null,
            true);
      }
      try (WriteBatch batch = store.newBatch()) {
        batch.put(Column.META, KEY_SCHEMA_VERSION, u32(SCHEMA_VERSION));
        batch.commit();
      }
    }
    return new BlockStore(store);
  }

  /** The header of the block with this hash. */
  public Optional<Header> header(Hash256 hash) {
    return read(Column.HEADERS, key(hash), Header.CODEC, "header of block " + hash);
  }

  /** Whether the header of this block is stored. */
  public boolean hasHeader(Hash256 hash) {
    return store.contains(Column.HEADERS, key(hash));
  }

  /** The extrinsics of the block with this hash (each without its length prefix). */
  public Optional<List<Bytes>> body(Hash256 hash) {
    return read(Column.BODIES, key(hash), Block.BODY_CODEC, "body of block " + hash);
  }

  /** The justifications of the block with this hash, if any were stored. */
  public Optional<List<Justification>> justifications(Hash256 hash) {
    return read(
        Column.JUSTIFICATIONS, key(hash), JUSTIFICATIONS_CODEC, "justifications of " + hash);
  }

  /** The hash of the canonical block at this height. */
  public Optional<Hash256> canonicalHash(long number) {
    return read(
        Column.BLOCK_HASHES, numberKey(number), ScaleCodec.HASH256, "canonical hash #" + number);
  }

  /** An auxiliary record ({@link Column#AUX}) written by {@link Transaction#putAux}. */
  public Optional<Bytes> aux(Bytes key) {
    return store.get(Column.AUX, key);
  }

  /** The genesis block hash, once genesis was committed. */
  public Optional<Hash256> genesisHash() {
    return read(Column.META, KEY_GENESIS, ScaleCodec.HASH256, "genesis hash");
  }

  /** The best block. */
  public Optional<BlockRef> best() {
    return read(Column.META, KEY_BEST, BLOCK_REF_CODEC, "best block");
  }

  /** The last finalized block. */
  public Optional<BlockRef> finalized() {
    return read(Column.META, KEY_FINALIZED, BLOCK_REF_CODEC, "finalized block");
  }

  /**
   * The leaves: blocks without children, highest first. A database written before leaves were
   * recorded answers with its best block alone (every block it holds is on the best chain).
   */
  public List<BlockRef> leaves() {
    Optional<List<BlockRef>> stored = read(Column.META, KEY_LEAVES, LEAVES_CODEC, "leaves");
    if (stored.isPresent()) {
      return stored.get();
    }
    return best().map(List::of).orElse(List.of());
  }

  /** Starts a transaction; nothing is visible until {@link Transaction#commit()}. */
  public Transaction transaction() {
    return new Transaction(store.newBatch());
  }

  /**
   * An atomic set of block store writes. Closing it without committing discards everything. Used by
   * one thread.
   */
  public static final class Transaction implements AutoCloseable {
    private final WriteBatch batch;

    private Transaction(WriteBatch batch) {
      this.batch = batch;
    }

    /** Stores a header under its hash. */
    public Transaction putHeader(Header header) {
      batch.put(Column.HEADERS, key(header.hash()), Bytes.wrap(Header.CODEC.encode(header)));
      return this;
    }

    /** Stores a block body (extrinsics without their length prefixes). */
    public Transaction putBody(Hash256 blockHash, List<Bytes> extrinsics) {
      batch.put(Column.BODIES, key(blockHash), Bytes.wrap(Block.BODY_CODEC.encode(extrinsics)));
      return this;
    }

    /** Stores the justifications of a block. */
    public Transaction putJustifications(Hash256 blockHash, List<Justification> justifications) {
      batch.put(
          Column.JUSTIFICATIONS,
          key(blockHash),
          Bytes.wrap(JUSTIFICATIONS_CODEC.encode(justifications)));
      return this;
    }

    /** Makes {@code blockHash} the canonical block at height {@code number}. */
    public Transaction setCanonical(long number, Hash256 blockHash) {
      batch.put(Column.BLOCK_HASHES, numberKey(number), key(blockHash));
      return this;
    }

    /** Removes the canonical entry at a height (when a reorganisation shortens the chain). */
    public Transaction removeCanonical(long number) {
      batch.delete(Column.BLOCK_HASHES, numberKey(number));
      return this;
    }

    public Transaction setGenesis(Hash256 genesisHash) {
      batch.put(Column.META, KEY_GENESIS, key(genesisHash));
      return this;
    }

    public Transaction setBest(BlockRef best) {
      batch.put(Column.META, KEY_BEST, Bytes.wrap(BLOCK_REF_CODEC.encode(best)));
      return this;
    }

    /** Replaces the leaves (blocks without children), highest first. */
    public Transaction setLeaves(List<BlockRef> leaves) {
      batch.put(Column.META, KEY_LEAVES, Bytes.wrap(LEAVES_CODEC.encode(leaves)));
      return this;
    }

    public Transaction setFinalized(BlockRef finalized) {
      batch.put(Column.META, KEY_FINALIZED, Bytes.wrap(BLOCK_REF_CODEC.encode(finalized)));
      return this;
    }

    /** Adds the nodes of a trie commit (a block's new state nodes, or all of genesis). */
    public Transaction putTrieNodes(TrieCommit commit) {
      TrieNodeStore.write(batch, commit);
      return this;
    }

    /**
     * Writes (or, with an empty value, deletes) a key of the offchain database ({@link
     * Column#OFFCHAIN}) with the block, e.g. the {@code ext_offchain_index_*} changes of an
     * imported block. The key is complete: the caller adds its space's prefix.
     */
    public Transaction putOffchain(Bytes key, Optional<Bytes> value) {
      if (value.isPresent()) {
        batch.put(Column.OFFCHAIN, key, value.get());
      } else {
        batch.delete(Column.OFFCHAIN, key);
      }
      return this;
    }

    /**
     * Writes (or, with an empty value, deletes) an auxiliary record ({@link Column#AUX}) with the
     * rest of the transaction: consensus data that belongs to a block.
     */
    public Transaction putAux(Bytes key, Optional<Bytes> value) {
      if (value.isPresent()) {
        batch.put(Column.AUX, key, value.get());
      } else {
        batch.delete(Column.AUX, key);
      }
      return this;
    }

    /**
     * Writes everything atomically and durably.
     *
     * @throws StorageException if the store fails; nothing is written then
     */
    public void commit() {
      batch.commit();
    }

    @Override
    public void close() {
      batch.close();
    }
  }

  /** hash ‖ u64 LE number. */
  static final ScaleCodec<BlockRef> BLOCK_REF_CODEC =
      ScaleCodec.of(
          "BlockRef",
          (w, r) -> w.writeHash(r.hash()).writeU64(r.number()),
          r -> {
            Hash256 hash = r.readHash256();
            long number = r.readI64();
            if (number < 0) {
              throw new ScaleDecodingException(r.position() - 8, "BlockRef", "negative number");
            }
            return new BlockRef(hash, number);
          });

  private static final ScaleCodec<List<BlockRef>> LEAVES_CODEC = ScaleCodec.vec(BLOCK_REF_CODEC);

  private <T> Optional<T> read(Column column, Bytes key, ScaleCodec<T> codec, String what) {
    return store.get(column, key).map(bytes -> decode(bytes, codec, what));
  }

  private static <T> T decode(Bytes bytes, ScaleCodec<T> codec, String what) {
    try {
      return codec.decode(bytes);
    } catch (ScaleDecodingException e) {
      throw new StorageException("stored " + what + " is damaged: " + e.getMessage(), e, true);
    }
  }

  private static boolean hasAny(KeyValueStore store, Column column) {
    try (Stream<KeyValue> entries = store.prefix(column, Bytes.EMPTY)) {
      return entries.findAny().isPresent();
    }
  }

  private static Bytes key(Hash256 hash) {
    return Bytes.wrap(hash.unsafeArray());
  }

  /** Big-endian, so that the canonical chain iterates in height order. */
  static Bytes numberKey(long number) {
    if (number < 0) {
      throw new IllegalArgumentException("block number must be non-negative: " + number);
    }
    byte[] out = new byte[8];
    for (int i = 7; i >= 0; i--) {
      out[i] = (byte) number;
      number >>>= 8;
    }
    return Bytes.wrap(out);
  }

  private static Bytes u32(long value) {
    return new ScaleWriter(4).writeU32(value).toBytes();
  }

  private static Bytes ascii(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.US_ASCII));
  }
}
