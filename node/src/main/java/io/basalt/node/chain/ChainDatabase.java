/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.chain;

import io.basalt.chainspec.ChainSpec;
import io.basalt.executor.api.OffchainStorage;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.node.failure.UserFacingException;
import io.basalt.node.runtime.RuntimeGenesisBuilder;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.storage.StorageException;
import io.basalt.storage.block.BlockRef;
import io.basalt.storage.block.BlockStore;
import io.basalt.storage.kv.KeyValueStore;
import io.basalt.storage.kv.OverlayKeyValueStore;
import io.basalt.storage.kv.rocksdb.RocksDbKeyValueStore;
import io.basalt.storage.trie.TrieNodeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A chain's database: blocks, state trie nodes and metadata, with its genesis in place. */
public final class ChainDatabase implements AutoCloseable {
  private final Path directory;
  private final KeyValueStore store;
  private final BlockStore blocks;
  private final TrieNodeStore trieNodes;
  private final OffchainStorage offchainStorage;

  private ChainDatabase(Path directory, KeyValueStore store) {
    this.directory = directory;
    this.store = store;
    this.blocks = BlockStore.open(store);
    this.trieNodes = new TrieNodeStore(store);
    this.offchainStorage = new DatabaseOffchainStorage(store);
  }

  /**
   * Opens (creating if needed) the RocksDB database in a directory.
   *
   * @throws InvalidConfigurationException if the directory cannot be created
   * @throws UserFacingException if the database cannot be opened
   */
  public static ChainDatabase open(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new InvalidConfigurationException(
          "cannot create the database directory " + directory + ": " + describe(e), e);
    }
    KeyValueStore store;
    try {
      store = RocksDbKeyValueStore.open(directory);
    } catch (StorageException e) {
      throw new UserFacingException(
          "cannot open the database at " + directory + ": " + e.getMessage(), e);
    }
    try {
      return new ChainDatabase(directory, store);
    } catch (StorageException e) {
      store.close();
      throw new UserFacingException("database at " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens a throw-away copy of the chain database in {@code directory}: RocksDB opened read-only
   * (no lock taken, so a node may be running on it) under an in-memory layer that takes every
   * write. Nothing is ever written to {@code directory}; what is written to the copy is gone when
   * it closes.
   *
   * @throws UserFacingException if there is no database there or it cannot be read
   */
  public static ChainDatabase openCopy(Path directory) {
    KeyValueStore store;
    try {
      store = new OverlayKeyValueStore(RocksDbKeyValueStore.openReadOnly(directory));
    } catch (StorageException e) {
      throw new UserFacingException(
          "cannot open the database at " + directory + ": " + e.getMessage(), e);
    }
    try {
      return new ChainDatabase(directory, store);
    } catch (StorageException e) {
      store.close();
      throw new UserFacingException("database at " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * A throw-away copy of a chain's existing database under {@code base} ({@link #openCopy}), its
   * genesis checked against the spec's: how {@code try-upgrade} works on a real chain without
   * changing it.
   *
   * @throws UserFacingException if the base path has no database of this chain
   * @throws InvalidConfigurationException if the database belongs to another chain or is damaged
   */
  public static Opened openChainCopy(
      ChainSpec spec, BasePath base, Runtimes runtimes, Consumer<ChainDatabase> onOpen) {
    Path directory = base.databaseDir(spec.id());
    if (!Files.isRegularFile(directory.resolve("CURRENT"))) {
      throw new UserFacingException(
          "no database of chain '"
              + spec.id()
              + "' under "
              + base.root()
              + " (expected it in "
              + directory
              + ")",
          null);
    }
    GenesisFactory.GenesisBlock genesis =
        GenesisFactory.build(spec, new RuntimeGenesisBuilder(runtimes));
    ChainDatabase db = openCopy(directory);
    try {
      if (db.blocks().genesisHash().isEmpty()) {
        throw new UserFacingException(
            "the database at " + directory + " holds no chain (no genesis block)", null);
      }
      onOpen.accept(db);
      return new Opened(db, genesis, db.initialize(genesis));
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * Opens a chain's database with its genesis in place: builds the genesis block from the spec
   * (running the runtime's {@code GenesisBuilder} for a plain spec), opens (creating if needed)
   * {@code <base>/chains/<id>/db/full} and {@linkplain #initialize initializes} it. The one way the
   * daemon and every subcommand open a chain.
   *
   * @throws InvalidConfigurationException if the database belongs to another chain, is damaged or
   *     its directory cannot be created
   * @throws UserFacingException if the database cannot be opened
   * @throws io.basalt.chainspec.InvalidChainSpecException if the spec's genesis cannot be built
   */
  public static Opened openChain(ChainSpec spec, BasePath base, Runtimes runtimes) {
    return openChain(spec, base, runtimes, db -> {});
  }

  /**
   * {@link #openChain(ChainSpec, BasePath, Runtimes)}, telling {@code onOpen} once the database is
   * open and before genesis is committed (the daemon reports it there, as Substrate does).
   */
  public static Opened openChain(
      ChainSpec spec, BasePath base, Runtimes runtimes, Consumer<ChainDatabase> onOpen) {
    GenesisFactory.GenesisBlock genesis =
        GenesisFactory.build(spec, new RuntimeGenesisBuilder(runtimes));
    ChainDatabase db = open(base.databaseDir(spec.id()));
    try {
      onOpen.accept(db);
      return new Opened(db, genesis, db.initialize(genesis));
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * A chain's database opened by {@link #openChain}: close {@link #db()} when done.
   *
   * @param db the database, genesis in place
   * @param genesis the chain's genesis block
   * @param outcome whether genesis was written now or found in place
   */
  public record Opened(
      ChainDatabase db, GenesisFactory.GenesisBlock genesis, GenesisOutcome outcome)
      implements AutoCloseable {
    @Override
    public void close() {
      db.close();
    }
  }

  /**
   * Whether a running node (this process or another) has the database in {@code directory} open. A
   * directory without a database is not in use.
   */
  public static boolean isInUse(Path directory) {
    return RocksDbKeyValueStore.isLocked(directory);
  }

  /** Whether the genesis block was written now or found in place. */
  public enum GenesisOutcome {
    CREATED,
    EXISTING
  }

  /**
   * Writes the genesis block and state in one atomic batch if the database has none, or checks that
   * the stored genesis is this one.
   *
   * <p>Genesis is one atomic commit, so a database without the genesis record is completed (its
   * trie nodes are content-addressed: rewriting them is harmless). A database that records the
   * genesis but lacks its header, canonical entry, best or finalized block, or (while the chain is
   * at genesis) the genesis state root node was damaged outside this node; it is refused.
   *
   * @throws InvalidConfigurationException if the database belongs to another chain or is damaged
   */
  public GenesisOutcome initialize(GenesisFactory.GenesisBlock genesis) {
    Hash256 hash = genesis.hash();
    var stored = blocks.genesisHash();
    if (stored.isPresent()) {
      if (!stored.get().equals(hash)) {
        throw new InvalidConfigurationException(
            "the database at "
                + directory
                + " holds a chain with genesis "
                + stored.get()
                + ", but the chain spec's genesis is "
                + hash
                + "; use another --base-path or run purge-chain");
      }
      requireCompleteGenesis(genesis);
      return GenesisOutcome.EXISTING;
    }
    BlockRef ref = new BlockRef(hash, 0);
    try (BlockStore.Transaction tx = blocks.transaction()) {
      tx.putTrieNodes(genesis.state().toTrieCommit())
          .putHeader(genesis.header())
          .putBody(hash, java.util.List.of())
          .setCanonical(0, hash)
          .setBest(ref)
          .setFinalized(ref)
          .setGenesis(hash)
          .commit();
    }
    return GenesisOutcome.CREATED;
  }

  private void requireCompleteGenesis(GenesisFactory.GenesisBlock genesis) {
    Hash256 hash = genesis.hash();
    String missing;
    Optional<BlockRef> best = blocks.best();
    if (!blocks.hasHeader(hash)) {
      missing = "its header";
    } else if (!blocks.canonicalHash(0).equals(Optional.of(hash))) {
      missing = "it as canonical block #0";
    } else if (best.isEmpty() || blocks.finalized().isEmpty()) {
      missing = "a best and a finalized block";
    } else if (best.get().number() == 0 && !trieNodes.contains(genesis.header().stateRoot())) {
      missing = "its state (root node " + genesis.header().stateRoot() + ")";
    } else {
      return;
    }
    throw new InvalidConfigurationException(
        "the database at "
            + directory
            + " records genesis "
            + hash
            + " but not "
            + missing
            + ": it is damaged; run purge-chain and start again");
  }

  /**
   * The canonical block at a height with its justifications, as {@code export-blocks} writes it.
   *
   * @return empty if there is no canonical block at that height
   */
  public Optional<SignedBlock> canonicalBlock(long number) {
    Optional<Hash256> hash = blocks.canonicalHash(number);
    if (hash.isEmpty()) {
      return Optional.empty();
    }
    Header header =
        blocks
            .header(hash.get())
            .orElseThrow(
                () ->
                    new StorageException(
                        "canonical block #" + number + " (" + hash.get() + ") has no header",
                        null,
                        true));
    List<Bytes> body = blocks.body(hash.get()).orElse(List.of());
    return Optional.of(new SignedBlock(new Block(header, body), blocks.justifications(hash.get())));
  }

  /** The offchain database (PERSISTENT space) in this database's {@code OFFCHAIN} column. */
  public OffchainStorage offchainStorage() {
    return offchainStorage;
  }

  public Path directory() {
    return directory;
  }

  public BlockStore blocks() {
    return blocks;
  }

  public TrieNodeStore trieNodes() {
    return trieNodes;
  }

  @Override
  public void close() {
    store.close();
  }

  private static String describe(IOException e) {
    return switch (e) {
      case java.nio.file.AccessDeniedException denied -> "permission denied";
      case java.nio.file.NoSuchFileException missing ->
          "no such file or directory: " + missing.getMessage();
      case java.nio.file.FileSystemException fse when fse.getReason() != null -> fse.getReason();
      default -> e.toString();
    };
  }
}
