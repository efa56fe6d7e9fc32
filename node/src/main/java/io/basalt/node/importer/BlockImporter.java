/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.StorageChange;
import io.basalt.executor.state.TrieStateBackend;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.offchain.DatabaseOffchainStorage;
import io.basalt.node.runtime.Runtimes;
import io.basalt.node.service.StatusLog;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.storage.block.BlockRef;
import io.basalt.storage.block.BlockStore;
import io.basalt.storage.trie.StateCommit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports blocks: executes each on its parent's state and commits the result atomically.
 *
 * <p>For a block whose parent is known: the runtime is {@code :code} (and the heap {@code
 * :heappages}) at the parent state; {@code Core_execute_block} runs on the block without its
 * trailing seal (the runtime itself checks the extrinsics and state roots and panics on a
 * mismatch); the changes are applied to the parent trie, and the resulting root must equal the
 * header's. Then one {@link BlockStore.Transaction} writes the new trie nodes, the header (seal
 * included), the body, the justifications, the offchain-index changes (with {@code
 * --enable-offchain-indexing}) and, if the block is higher than the best block, the canonical index
 * and the new best block. On any failure nothing is written.
 *
 * <pre>{@code
 * BlockImporter importer = new BlockImporter(db, runtimes, false);
 * switch (importer.importBlock(signedBlock)) {
 *   case BlockImportResult.Imported i -> ...
 *   case BlockImportResult.Invalid bad -> System.err.println(bad.reason());
 *   ...
 * }
 * }</pre>
 *
 * <p>Storage failures ({@code StorageException}) are not outcomes: they propagate. Imports are
 * serialised (one at a time).
 */
public final class BlockImporter {
  private static final Logger LOG = LoggerFactory.getLogger("import");

  /** The runtime API that executes and checks a block. */
  public static final String EXECUTE_BLOCK = "Core_execute_block";

  private final ChainDatabase db;
  private final BlockStore blocks;
  private final Runtimes runtimes;
  private final boolean offchainIndexing;

  /**
   * An importer into {@code db}.
   *
   * @param db the chain's database, with its genesis in place
   * @param runtimes executes the blocks
   * @param offchainIndexing whether to persist {@code ext_offchain_index_*} writes
   */
  public BlockImporter(ChainDatabase db, Runtimes runtimes, boolean offchainIndexing) {
    this.db = db;
    this.blocks = db.blocks();
    this.runtimes = runtimes;
    this.offchainIndexing = offchainIndexing;
  }

  /** Imports one block; see the class description. */
  public synchronized BlockImportResult importBlock(SignedBlock signed) {
    Block block = signed.block();
    Header header = block.header();
    Hash256 hash = header.hash();
    long number = header.number();
    if (blocks.hasHeader(hash)) {
      return new BlockImportResult.AlreadyKnown(hash, number);
    }
    Optional<Header> parent = blocks.header(header.parentHash());
    if (parent.isEmpty()) {
      return new BlockImportResult.UnknownParent(hash, number, header.parentHash());
    }
    if (number != parent.get().number() + 1) {
      return invalid(
          hash,
          number,
          "its number does not follow its parent #"
              + parent.get().number()
              + " ("
              + header.parentHash()
              + ")");
    }
    long start = System.nanoTime();
    TrieStateBackend state = new TrieStateBackend(db.trieNodes(), parent.get().stateRoot());
    Optional<Bytes> code = state.get(WellKnownKeys.CODE);
    if (code.isEmpty()) {
      return invalid(
          hash,
          number,
          "the parent state (root "
              + parent.get().stateRoot()
              + ") has no runtime: `:code` is"
              + " missing");
    }
    RuntimeBlob runtime;
    RuntimeVersion version;
    try {
      runtime = runtimes.blob(code.get());
      version = runtimes.version(runtime);
    } catch (InvalidRuntimeCodeException | RuntimeTrapException e) {
      return invalid(
          hash, number, "the runtime at the parent state is unusable: " + e.getMessage());
    }
    OverlayedChanges changes = new OverlayedChanges();
    byte[] input = Block.CODEC.encode(new Block(header.withoutSeal(), block.extrinsics()));
    try {
      runtimes
          .executor()
          .call(runtime, EXECUTE_BLOCK, input, new OverlayedExternalities(changes, state));
    } catch (RuntimeTrapException | InvalidRuntimeCodeException e) {
      return invalid(hash, number, e.getMessage());
    }
    long executed = System.nanoTime();
    StateCommit commit = state.commit(changes, version.stateVersion());
    if (!commit.root().equals(header.stateRoot())) {
      return invalid(
          hash,
          number,
          "state root mismatch: the header says "
              + header.stateRoot()
              + " but executing the block gives "
              + commit.root());
    }
    BlockRef best = blocks.best().orElseThrow(() -> new IllegalStateException("no best block"));
    boolean isBest = number > best.number();
    try (BlockStore.Transaction tx = blocks.transaction()) {
      tx.putTrieNodes(commit.toTrieCommit()).putHeader(header).putBody(hash, block.extrinsics());
      signed.justifications().ifPresent(j -> tx.putJustifications(hash, j));
      if (offchainIndexing) {
        for (StorageChange c : changes.offchainIndexChanges()) {
          tx.putOffchain(DatabaseOffchainStorage.persistentKey(c.key()), c.value());
        }
      }
      if (isBest) {
        canonicalize(tx, header, hash);
        tx.setBest(new BlockRef(hash, number));
      }
      tx.commit();
    }
    LOG.debug(
        "block #{} ({}): executed in {} ms, committed {} nodes in {} ms",
        number,
        hash,
        (executed - start) / 1_000_000,
        commit.nodes().size(),
        (System.nanoTime() - executed) / 1_000_000);
    if (isBest) {
      StatusLog.info("✨ Imported #{} ({})", number, StatusLog.shortHash(hash));
    }
    return new BlockImportResult.Imported(hash, number, isBest);
  }

  /** Makes the block and its ancestors canonical down to the first one that already is. */
  private void canonicalize(BlockStore.Transaction tx, Header header, Hash256 hash) {
    tx.setCanonical(header.number(), hash);
    Hash256 ancestor = header.parentHash();
    long n = header.number() - 1;
    while (n >= 0 && !blocks.canonicalHash(n).map(ancestor::equals).orElse(false)) {
      tx.setCanonical(n, ancestor);
      Header h =
          blocks
              .header(ancestor)
              .orElseThrow(() -> new IllegalStateException("missing ancestor header"));
      ancestor = h.parentHash();
      n--;
    }
  }

  private static BlockImportResult invalid(Hash256 hash, long number, String reason) {
    LOG.debug("block #{} ({}) is invalid: {}", number, hash, reason);
    return new BlockImportResult.Invalid(hash, number, reason);
  }
}
