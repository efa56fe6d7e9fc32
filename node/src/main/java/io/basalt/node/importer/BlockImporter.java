/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import io.basalt.executor.api.HostServices;
import io.basalt.executor.code.RuntimeCode;
import io.basalt.executor.state.OverlayLookup;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.StorageChange;
import io.basalt.executor.state.TrieStateBackend;
import io.basalt.executor.strategy.ApiCall;
import io.basalt.executor.strategy.ExecutionContext;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.node.chain.BlockOrigin;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.chain.ChainEvent;
import io.basalt.node.chain.DatabaseOffchainStorage;
import io.basalt.node.log.StatusLog;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.Justification;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.storage.block.BlockStore;
import io.basalt.storage.trie.StateCommit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one import pipeline: every block, whatever its origin (a file, the node's own authoring,
 * later the network and RPC), is checked, executed on its parent's state in the {@link
 * ExecutionContext} its origin selects ({@code Syncing} for initial sync, {@code Importing}
 * otherwise, as in Substrate), and committed atomically through the {@link Blockchain}, which
 * applies fork choice and tells its listeners.
 *
 * <p>For a block whose parent is known: first the consensus {@link BlockVerifier}s check it (seal,
 * slot claim, justifications; the first rejection refuses it). Then the runtime is the code at the
 * parent state (after overrides and code substitutes) with the heap of its {@code :heappages};
 * {@code Core_execute_block} runs on the block without its trailing seal (the runtime itself checks
 * the extrinsics and state roots and panics on a mismatch); the changes are applied to the parent
 * trie, and the resulting root must equal the header's. Then one transaction writes the new trie
 * nodes, the header (seal included), the body, the justifications, the verifiers' auxiliary records
 * and the offchain-index changes (with {@code --enable-offchain-indexing}), with the chain's
 * leaves, best block and canonical index. On any failure nothing is written. A justification a
 * verifier accepted finalizes the block once it is stored. Blocks this node built come with their
 * state ({@link PreparedBlock}) and are committed without executing them again. A block that
 * changes {@code :code} is logged once it is committed ({@code ⬆️ Runtime upgrade in #n (0x…): old
 * → new}).
 *
 * <pre>{@code
 * BlockImporter importer = new BlockImporter(chain, runtimes, false);
 * switch (importer.importBlock(signedBlock, BlockOrigin.FILE)) {
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

  private final Blockchain chain;
  private final BlockStore blocks;
  private final Runtimes runtimes;
  private final boolean offchainIndexing;
  private final List<ImportObserver> observers = new CopyOnWriteArrayList<>();
  private final List<BlockVerifier> verifiers = new CopyOnWriteArrayList<>();

  /**
   * An importer into {@code chain}.
   *
   * @param chain the chain, with its genesis in place
   * @param runtimes executes the blocks
   * @param offchainIndexing whether to persist {@code ext_offchain_index_*} writes
   */
  public BlockImporter(Blockchain chain, Runtimes runtimes, boolean offchainIndexing) {
    this.chain = chain;
    this.blocks = chain.database().blocks();
    this.runtimes = runtimes;
    this.offchainIndexing = offchainIndexing;
  }

  /** An importer into a database that nothing else writes to (the CLI's import-blocks). */
  public BlockImporter(ChainDatabase db, Runtimes runtimes, boolean offchainIndexing) {
    this(new Blockchain(db), runtimes, offchainIndexing);
  }

  /** Hears each import and how long it took. */
  public void addObserver(ImportObserver observer) {
    observers.add(observer);
  }

  /** Adds a consensus check, asked after those added before it. */
  public void addVerifier(BlockVerifier verifier) {
    verifiers.add(verifier);
  }

  public Blockchain chain() {
    return chain;
  }

  /** Imports a block from a file; see {@link #importBlock(SignedBlock, BlockOrigin)}. */
  public BlockImportResult importBlock(SignedBlock signed) {
    return importBlock(signed, BlockOrigin.FILE);
  }

  /** Imports one block from {@code origin}; see the class description. */
  public synchronized BlockImportResult importBlock(SignedBlock signed, BlockOrigin origin) {
    return told(execute(signed, origin));
  }

  /**
   * Imports a block this node built, with the state its building produced, without executing it
   * again.
   */
  public synchronized BlockImportResult importPrepared(PreparedBlock prepared) {
    return told(commitPrepared(prepared));
  }

  private BlockImportResult told(BlockImportResult result) {
    if (result instanceof BlockImportResult.Invalid
        || result instanceof BlockImportResult.UnknownParent) {
      for (ImportObserver observer : observers) {
        observer.refused(result);
      }
    }
    return result;
  }

  private BlockImportResult execute(SignedBlock signed, BlockOrigin origin) {
    Block block = signed.block();
    Header header = block.header();
    Hash256 hash = header.hash();
    long number = header.number();
    long start = System.nanoTime();
    Optional<BlockImportResult> refused = checkParent(header);
    if (refused.isPresent()) {
      return refused.get();
    }
    Header parent = blocks.header(header.parentHash()).orElseThrow();
    Verdict.Accepted verified;
    switch (verify(signed, parent, origin)) {
      case Verdict.Rejected(String reason) -> {
        return invalid(hash, number, reason);
      }
      case Verdict.Accepted accepted -> verified = accepted;
    }
    TrieStateBackend state = chain.stateAt(parent);
    Optional<Bytes> parentCode = state.get(WellKnownKeys.CODE);
    if (parentCode.isEmpty()) {
      return invalid(
          hash,
          number,
          "the parent state (root " + parent.stateRoot() + ") has no runtime: `:code` is missing");
    }
    RuntimeCode code;
    try {
      code = runtimes.codeAt(state, parent.number());
    } catch (InvalidRuntimeCodeException | RuntimeTrapException e) {
      return invalid(
          hash, number, "the runtime at the parent state is unusable: " + e.getMessage());
    }
    OverlayedChanges changes = new OverlayedChanges();
    byte[] input = Block.CODEC.encode(new Block(header.withoutSeal(), block.extrinsics()));
    ExecutionContext context =
        origin == BlockOrigin.NETWORK_INITIAL_SYNC
            ? ExecutionContext.SYNCING
            : ExecutionContext.IMPORTING;
    try {
      runtimes
          .calls()
          .call(
              new ApiCall(context, code, EXECUTE_BLOCK, Bytes.wrap(input), describe(number, hash)),
              changes,
              state,
              HostServices.standard());
    } catch (RuntimeTrapException | InvalidRuntimeCodeException e) {
      return invalid(hash, number, e.getMessage());
    }
    long executed = System.nanoTime();
    StateCommit commit = state.commit(changes, code.version().stateVersion());
    if (!commit.root().equals(header.stateRoot())) {
      return invalid(
          hash,
          number,
          "state root mismatch: the header says "
              + header.stateRoot()
              + " but executing the block gives "
              + commit.root());
    }
    ChainEvent.BlockImported event =
        chain.commit(
            header,
            tx -> {
              tx.putTrieNodes(commit.toTrieCommit()).putBody(hash, block.extrinsics());
              signed.justifications().ifPresent(j -> tx.putJustifications(hash, j));
              putOffchainIndex(tx, changes.offchainIndexChanges());
              putAux(tx, verified.aux());
            },
            origin);
    long committed = System.nanoTime();
    LOG.debug(
        "block #{} ({}): executed in {} ms, committed {} nodes in {} ms",
        number,
        hash,
        (executed - start) / 1_000_000,
        commit.nodes().size(),
        (committed - executed) / 1_000_000);
    if (changes.get(WellKnownKeys.CODE) instanceof OverlayLookup.Value(Bytes newCode)
        && !newCode.equals(parentCode.get())) {
      runtimeUpgraded(header, code.onChainVersion(), newCode);
    }
    finalizeWith(header, verified.finalizes());
    return imported(event, committed - start);
  }

  private BlockImportResult commitPrepared(PreparedBlock prepared) {
    Block block = prepared.block();
    Header header = block.header();
    Hash256 hash = header.hash();
    long start = System.nanoTime();
    Optional<BlockImportResult> refused = checkParent(header);
    if (refused.isPresent()) {
      return refused.get();
    }
    Header parent = blocks.header(header.parentHash()).orElseThrow();
    Verdict.Accepted verified;
    switch (verify(new SignedBlock(block, Optional.empty()), parent, BlockOrigin.OWN)) {
      case Verdict.Rejected(String reason) -> {
        return invalid(hash, header.number(), reason);
      }
      case Verdict.Accepted accepted -> verified = accepted;
    }
    if (!prepared.state().root().equals(header.stateRoot())) {
      return invalid(
          hash,
          header.number(),
          "state root mismatch: the header says "
              + header.stateRoot()
              + " but building the block gave "
              + prepared.state().root());
    }
    ChainEvent.BlockImported event =
        chain.commit(
            header,
            tx -> {
              tx.putTrieNodes(prepared.state().toTrieCommit()).putBody(hash, block.extrinsics());
              putOffchainIndex(tx, prepared.offchainIndex());
              putAux(tx, verified.aux());
            },
            BlockOrigin.OWN);
    long took = System.nanoTime() - start;
    if (prepared.codeWritten().isPresent()) {
      TrieStateBackend parentState = chain.stateAt(parent);
      Bytes newCode = prepared.codeWritten().get();
      if (!parentState.get(WellKnownKeys.CODE).equals(Optional.of(newCode))) {
        runtimeUpgraded(
            header, runtimes.codeAt(parentState, parent.number()).onChainVersion(), newCode);
      }
    }
    finalizeWith(header, verified.finalizes());
    return imported(event, took);
  }

  private Optional<BlockImportResult> checkParent(Header header) {
    Hash256 hash = header.hash();
    long number = header.number();
    if (blocks.hasHeader(hash)) {
      return Optional.of(new BlockImportResult.AlreadyKnown(hash, number));
    }
    Optional<Header> parent = blocks.header(header.parentHash());
    if (parent.isEmpty()) {
      return Optional.of(new BlockImportResult.UnknownParent(hash, number, header.parentHash()));
    }
    if (number != parent.get().number() + 1) {
      return Optional.of(
          invalid(
              hash,
              number,
              "its number does not follow its parent #"
                  + parent.get().number()
                  + " ("
                  + header.parentHash()
                  + ")"));
    }
    return Optional.empty();
  }

  /** Asks every verifier in turn; their records are gathered, the first rejection wins. */
  private Verdict verify(SignedBlock block, Header parent, BlockOrigin origin) {
    List<AuxWrite> aux = new ArrayList<>();
    Optional<Justification> finalizes = Optional.empty();
    for (BlockVerifier verifier : verifiers) {
      switch (verifier.verify(block, parent, origin)) {
        case Verdict.Rejected rejected -> {
          return rejected;
        }
        case Verdict.Accepted(List<AuxWrite> records, Optional<Justification> justification) -> {
          aux.addAll(records);
          if (justification.isPresent()) {
            finalizes = justification;
          }
        }
      }
    }
    return new Verdict.Accepted(aux, finalizes);
  }

  private static void putAux(BlockStore.Transaction tx, List<AuxWrite> aux) {
    for (AuxWrite w : aux) {
      tx.putAux(w.key(), w.value());
    }
  }

  /** Finalizes a stored block with a justification its verifiers accepted. */
  private void finalizeWith(Header header, Optional<Justification> justification) {
    if (justification.isEmpty()) {
      return;
    }
    try {
      chain.finalize(header.hash(), justification);
    } catch (IllegalArgumentException e) {
      LOG.warn(
          "block #{} ({}) came with a valid justification but cannot be finalized: {}",
          header.number(),
          StatusLog.shortHash(header.hash()),
          e.getMessage());
    }
  }

  private void putOffchainIndex(BlockStore.Transaction tx, List<StorageChange> changes) {
    if (offchainIndexing) {
      for (StorageChange c : changes) {
        tx.putOffchain(DatabaseOffchainStorage.persistentKey(c.key()), c.value());
      }
    }
  }

  private BlockImportResult imported(ChainEvent.BlockImported event, long nanos) {
    Header header = event.header();
    if (event.isNewBest()) {
      StatusLog.info("✨ Imported #{} ({})", header.number(), StatusLog.shortHash(header.hash()));
    }
    for (ImportObserver observer : observers) {
      observer.imported(event, nanos);
    }
    return new BlockImportResult.Imported(header.hash(), header.number(), event.isNewBest());
  }

  /**
   * Says that a block changed {@code :code} (once, when the block is committed), and prepares the
   * new runtime: its version is read now, not by the first call on the new state.
   */
  private void runtimeUpgraded(Header header, RuntimeVersion before, Bytes newCode) {
    String after;
    try {
      after = spec(runtimes.version(runtimes.blob(newCode)));
    } catch (InvalidRuntimeCodeException | RuntimeTrapException e) {
      after = "an unusable runtime (" + e.getMessage() + ")";
    }
    StatusLog.info(
        "⬆️  Runtime upgrade in #{} ({}): {} → {}",
        header.number(),
        StatusLog.shortHash(header.hash()),
        spec(before),
        after);
  }

  private static String spec(RuntimeVersion v) {
    return v.specName() + "/" + v.specVersion();
  }

  private static String describe(long number, Hash256 hash) {
    return "block #" + number + " (" + hash + ")";
  }

  private static BlockImportResult invalid(Hash256 hash, long number, String reason) {
    LOG.debug("block #{} ({}) is invalid: {}", number, hash, reason);
    return new BlockImportResult.Invalid(hash, number, reason);
  }
}
