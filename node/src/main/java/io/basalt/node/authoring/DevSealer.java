/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import io.basalt.node.chain.Blockchain;
import io.basalt.node.importer.BlockImportResult;
import io.basalt.node.importer.BlockImporter;
import io.basalt.node.importer.PreparedBlock;
import io.basalt.node.lifecycle.WorkerThread;
import io.basalt.node.log.StatusLog;
import io.basalt.node.metadata.RuntimeMetadata;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.Justification;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes blocks on a chain without a consensus engine of its own, as polkadot-sdk's manual seal
 * does: on a timer ({@code manual-seal-<ms>}), as soon as transactions are ready ({@code
 * instant-seal}), or only on request ({@link #createBlock}, which RPC exposes as {@code
 * engine_createBlock} and Chopsticks' {@code dev_newBlock}). Blocks are built by the {@link
 * BlockProposer}, imported through the {@link BlockImporter} and, on dev chains, finalized at once.
 *
 * <p>For development chains it can also switch modes at run time ({@link #switchTo}, Chopsticks'
 * {@code dev_setBlockBuildMode}), stamp the next block with another time ({@link #timeTravel}) and
 * build blocks with given extrinsics or with storage written into their state ({@link
 * SealRequest}).
 *
 * <p>All block making runs on one thread, so blocks never race each other; requests queue there.
 *
 * <pre>{@code
 * try (DevSealer sealer = new DevSealer(consensus, proposer, importer, pool, clock, true)) {
 *   sealer.start();
 *   CreatedBlock b = sealer.createBlock(true, false, Optional.empty()).join();
 * }
 * }</pre>
 */
public final class DevSealer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("authoring");

  /** How long a block may take to fill with transactions. */
  static final Duration PROPOSAL_BUDGET = Duration.ofSeconds(2);

  /** Manual seal's engine id, under which {@code engine_finalizeBlock} stores justifications. */
  public static final EngineId MANUAL_SEAL_ENGINE = EngineId.of("manl");

  /** FRAME's {@code Timestamp.Now}: twox128("Timestamp") ‖ twox128("Now"). */
  static final Bytes TIMESTAMP_NOW = RuntimeMetadata.plainKey("Timestamp", "Now");

  private final BlockProposer proposer;
  private final BlockImporter importer;
  private final Blockchain chain;
  private final PendingTransactions pool;
  private final SealingClock clock;
  private final boolean finalizeAtOnce;
  private final ScheduledExecutorService thread;
  private final AtomicBoolean instantSealQueued = new AtomicBoolean();
  private final Optional<SealingEngine> engine;
  private volatile Consensus consensus;
  private boolean started;
  private ScheduledFuture<?> timer;

  /**
   * A sealer for a chain without a consensus engine of its own.
   *
   * @param finalizeAtOnce finalize every block made by the timer or instant seal
   */
  public DevSealer(
      Consensus consensus,
      BlockProposer proposer,
      BlockImporter importer,
      PendingTransactions pool,
      Clock clock,
      boolean finalizeAtOnce) {
    this(consensus, proposer, importer, pool, clock, finalizeAtOnce, Optional.empty());
  }

  /**
   * A sealer for a chain with a consensus engine of its own (Aura, BABE): the engine claims each
   * block (in fast-forward, the next slot a local key may claim, with a timestamp matching it),
   * gives its pre-runtime digest and inherents, and seals it.
   *
   * @param finalizeAtOnce finalize every block made by the timer or instant seal (false on a chain
   *     GRANDPA finalizes)
   * @param engine the chain's engine; empty on a chain without one
   */
  public DevSealer(
      Consensus consensus,
      BlockProposer proposer,
      BlockImporter importer,
      PendingTransactions pool,
      Clock clock,
      boolean finalizeAtOnce,
      Optional<SealingEngine> engine) {
    this.engine = engine;
    if (consensus instanceof Consensus.None) {
      throw new IllegalArgumentException("a node that only imports has no sealer");
    }
    this.consensus = consensus;
    this.proposer = proposer;
    this.importer = importer;
    this.chain = importer.chain();
    this.pool = pool;
    this.clock = new SealingClock(clock);
    this.finalizeAtOnce = finalizeAtOnce;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("basalt-sealing").daemon().factory());
  }

  /** The mode blocks are made in now. */
  public Consensus consensus() {
    return consensus;
  }

  /**
   * Starts the timer of {@code manual-seal-<ms>}; other modes wait for transactions or requests.
   */
  public synchronized void start() {
    started = true;
    schedule();
  }

  /**
   * Makes blocks in another mode from now on (Chopsticks' {@code dev_setBlockBuildMode}): a timer
   * is stopped or started, and instant seal makes a block at once if transactions are ready.
   *
   * @throws IllegalArgumentException for {@link Consensus.None}: a sealer always seals
   */
  public void switchTo(Consensus mode) {
    if (mode instanceof Consensus.None) {
      throw new IllegalArgumentException("a node that makes blocks cannot switch to none");
    }
    synchronized (this) {
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
      consensus = mode;
      if (started) {
        schedule();
      }
    }
    StatusLog.info("🧱 Block production: {}", mode.cliName());
    if (!pool.isEmpty()) {
      transactionsReady();
    }
  }

  private void schedule() {
    if (consensus instanceof Consensus.ManualSeal(Duration interval)) {
      timer =
          thread.scheduleAtFixedRate(
              () -> sealQuietly(true),
              interval.toMillis(),
              interval.toMillis(),
              TimeUnit.MILLISECONDS);
    }
  }

  /** Tells {@code instant-seal} that the pool has ready transactions. */
  public void transactionsReady() {
    if (consensus instanceof Consensus.InstantSeal
        && instantSealQueued.compareAndSet(false, true)) {
      thread.execute(
          () -> {
            instantSealQueued.set(false);
            if (consensus instanceof Consensus.InstantSeal) {
              sealQuietly(false);
            }
          });
    }
  }

  /**
   * Stamps the next block with {@code unixMillis} (Chopsticks' {@code dev_timeTravel}); later
   * blocks go on from there as the clock runs. Travelling back works too: the next block then
   * starts from an empty {@code Timestamp.Now}, which FRAME's timestamp pallet accepts.
   */
  public void timeTravel(long unixMillis) {
    clock.travelTo(unixMillis);
  }

  /** Whether blocks made by the timer and instant seal are finalized at once. */
  public boolean finalizesAtOnce() {
    return finalizeAtOnce;
  }

  /**
   * Makes a block now ({@code engine_createBlock}).
   *
   * @param createEmpty make it even if no transaction is ready
   * @param finalize finalize it at once
   * @param parentHash the block to build on; the best block if empty
   * @return the new block, or a future failed with {@link SealingException}
   */
  public CompletableFuture<CreatedBlock> createBlock(
      boolean createEmpty, boolean finalize, Optional<Hash256> parentHash) {
    return createBlock(SealRequest.engine(createEmpty, finalize, parentHash));
  }

  /**
   * Makes a block as requested.
   *
   * @return the new block, or a future failed with {@link SealingException}
   */
  public CompletableFuture<CreatedBlock> createBlock(SealRequest request) {
    return CompletableFuture.supplyAsync(() -> seal(request), thread);
  }

  /**
   * Finalizes a block ({@code engine_finalizeBlock}); a justification is stored under manual seal's
   * engine id {@code manl}. Fails with {@link SealingException}.
   */
  public CompletableFuture<Boolean> finalizeBlock(Hash256 hash, Optional<Bytes> justification) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            chain.finalize(hash, justification.map(j -> new Justification(MANUAL_SEAL_ENGINE, j)));
            return true;
          } catch (IllegalArgumentException e) {
            throw new SealingException(
                SealingException.Reason.FINALIZATION_FAILED, e.getMessage(), e);
          }
        },
        thread);
  }

  /**
   * Makes a known block the best block (Chopsticks' {@code dev_setHead}), between two blocks made
   * here, so that the next block is built on it.
   *
   * @return whether the block is known; nothing changes when it is not
   */
  public CompletableFuture<Boolean> setHead(Hash256 hash) {
    return CompletableFuture.supplyAsync(
        () -> {
          if (!chain.contains(hash)) {
            return false;
          }
          chain.setBest(hash);
          return true;
        },
        thread);
  }

  private void sealQuietly(boolean createEmpty) {
    try {
      seal(
          new SealRequest(
              createEmpty,
              finalizeAtOnce ? SealRequest.Finality.FINALIZE : SealRequest.Finality.NONE,
              Optional.empty(),
              Optional.empty(),
              List.of()));
    } catch (SealingException e) {
      if (e.getCause() instanceof BlockProposalException
          || e.reason() == SealingException.Reason.NO_AUTHORITY_KEY) {
        LOG.warn("❗ Failed to build a block: {}", e.getMessage());
      } else {
        LOG.debug("no block made: {}", e.getMessage());
      }
    } catch (RuntimeException e) {
      LOG.error("❗ Block production failed unexpectedly: {}", e.toString(), e);
    }
  }

  private CreatedBlock seal(SealRequest request) {
    PendingTransactions source = request.extrinsics().map(DevSealer::listed).orElse(pool);
    if (!request.createEmpty() && source.isEmpty()) {
      throw emptyPool();
    }
    Header parent =
        request.parentHash().isPresent()
            ? chain
                .header(request.parentHash().get())
                .orElseThrow(
                    () ->
                        new SealingException(
                            SealingException.Reason.BLOCK_NOT_FOUND,
                            "Supplied parent_hash: "
                                + StatusLog.shortHash(request.parentHash().get())
                                + " doesn't exist in chain"))
            : chain.requireHeader(chain.best().hash());
    SealingClock.Stamp time = clock.next();
    List<StorageOverride> beforeInitialize = new ArrayList<>();
    InherentData inherents;
    List<DigestItem> preDigest = List.of();
    Optional<SealingEngine.Claim> claim = Optional.empty();
    if (engine.isPresent()) {
      claim = Optional.of(engine.get().claim(parent, time.unixMillis()));
      inherents = claim.get().inherents();
      preDigest = claim.get().preDigest();
    } else {
      if (time.travelled() && time.unixMillis() <= timestampAt(parent)) {
        beforeInitialize.add(new StorageOverride.Delete(TIMESTAMP_NOW));
      }
      inherents = InherentData.empty().withTimestamp(time.unixMillis());
    }
    Proposal proposal;
    try {
      proposal =
          proposer.propose(
              parent,
              inherents,
              preDigest,
              source,
              PROPOSAL_BUDGET,
              beforeInitialize,
              request.storage());
    } catch (BlockProposalException e) {
      throw new SealingException(SealingException.Reason.PROPOSAL_FAILED, e.getMessage(), e);
    }
    if (!request.createEmpty() && proposal.transactions().isEmpty()) {
      throw emptyPool();
    }
    PreparedBlock prepared = proposal.block();
    if (claim.isPresent()) {
      prepared = prepared.sealedWith(claim.get().seal(prepared.block().header()));
    }
    BlockImportResult result = importer.importPrepared(prepared);
    if (!(result instanceof BlockImportResult.Imported imported)) {
      throw new SealingException(
          SealingException.Reason.BLOCK_IMPORT_FAILED,
          "the block this node built was not imported: " + result);
    }
    boolean finalize =
        switch (request.finality()) {
          case NONE -> false;
          case FINALIZE -> true;
          case AS_SEALED -> finalizeAtOnce && imported.best();
        };
    if (finalize) {
      try {
        chain.finalize(imported.hash(), Optional.empty());
      } catch (IllegalArgumentException e) {
        throw new SealingException(
            SealingException.Reason.FINALIZATION_FAILED,
            "block #" + imported.number() + " was imported but not finalized: " + e.getMessage(),
            e);
      }
    }
    return new CreatedBlock(imported.hash(), imported.number(), imported.best(), finalize);
  }

  private static SealingException emptyPool() {
    return new SealingException(
        SealingException.Reason.EMPTY_TRANSACTION_POOL,
        "Transaction pool is empty, set create_empty to true, if you want to create empty blocks");
  }

  /** {@code Timestamp.Now} at a block (0 when absent or undecodable, as FRAME reads it). */
  private long timestampAt(Header block) {
    return chain
        .stateAt(block)
        .get(TIMESTAMP_NOW)
        .map(
            v -> {
              try {
                return new ScaleReader(v.unsafeArray()).readI64();
              } catch (ScaleDecodingException e) {
                return 0L;
              }
            })
        .orElse(0L);
  }

  private static PendingTransactions listed(List<Bytes> extrinsics) {
    return PendingTransactions.of(
        extrinsics.stream()
            .map(x -> new PendingTransactions.Pending(Hashing.blake2b256Hash(x.toArray()), x))
            .toList());
  }

  /** Stops making blocks; a block being made is finished first. */
  @Override
  public void close() {
    synchronized (this) {
      if (timer != null) {
        timer.cancel(false);
      }
    }
    WorkerThread.stop(thread, Duration.ofSeconds(10));
  }
}
