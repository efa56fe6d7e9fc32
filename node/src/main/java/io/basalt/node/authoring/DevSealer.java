/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import io.basalt.node.chain.Blockchain;
import io.basalt.node.importer.BlockImportResult;
import io.basalt.node.importer.BlockImporter;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.Justification;
import java.time.Clock;
import java.time.Duration;
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
 * engine_createBlock}). Blocks are built by the {@link BlockProposer}, imported through the {@link
 * BlockImporter} and, on dev chains, finalized at once.
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

  private final Consensus consensus;
  private final BlockProposer proposer;
  private final BlockImporter importer;
  private final Blockchain chain;
  private final PendingTransactions pool;
  private final Clock clock;
  private final boolean finalizeAtOnce;
  private final ScheduledExecutorService thread;
  private final AtomicBoolean instantSealQueued = new AtomicBoolean();
  private volatile ScheduledFuture<?> timer;

  /**
   * @param finalizeAtOnce finalize every block made by the timer or instant seal
   */
  public DevSealer(
      Consensus consensus,
      BlockProposer proposer,
      BlockImporter importer,
      PendingTransactions pool,
      Clock clock,
      boolean finalizeAtOnce) {
    this.consensus = consensus;
    this.proposer = proposer;
    this.importer = importer;
    this.chain = importer.chain();
    this.pool = pool;
    this.clock = clock;
    this.finalizeAtOnce = finalizeAtOnce;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "basalt-sealing");
              t.setDaemon(true);
              return t;
            });
  }

  public Consensus consensus() {
    return consensus;
  }

  /**
   * Starts the timer of {@code manual-seal-<ms>}; other modes wait for transactions or requests.
   */
  public void start() {
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
            sealQuietly(false);
          });
    }
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
    return CompletableFuture.supplyAsync(() -> seal(createEmpty, finalize, parentHash), thread);
  }

  /** Finalizes a block ({@code engine_finalizeBlock}); fails with {@link SealingException}. */
  public CompletableFuture<Boolean> finalizeBlock(
      Hash256 hash, Optional<Justification> justification) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            chain.finalize(hash, justification);
            return true;
          } catch (IllegalArgumentException e) {
            throw new SealingException(e.getMessage(), e);
          }
        },
        thread);
  }

  private void sealQuietly(boolean createEmpty) {
    try {
      seal(createEmpty, finalizeAtOnce, Optional.empty());
    } catch (SealingException e) {
      LOG.debug("no block made: {}", e.getMessage());
    } catch (BlockProposalException e) {
      LOG.warn("❗ Failed to build a block: {}", e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("❗ Block production failed unexpectedly: {}", e.toString(), e);
    }
  }

  private CreatedBlock seal(boolean createEmpty, boolean finalize, Optional<Hash256> parentHash) {
    Header parent =
        parentHash.isPresent()
            ? chain
                .header(parentHash.get())
                .orElseThrow(() -> new SealingException("parent block not found"))
            : chain.requireHeader(chain.best().hash());
    if (!createEmpty && pool.isEmpty()) {
      throw new SealingException(
          "Transaction pool is empty, set create_empty to true, if you want to create empty"
              + " blocks");
    }
    Proposal proposal =
        proposer.propose(
            parent,
            InherentData.empty().withTimestamp(clock.millis()),
            List.of(),
            pool,
            PROPOSAL_BUDGET);
    BlockImportResult result = importer.importPrepared(proposal.block());
    if (!(result instanceof BlockImportResult.Imported imported)) {
      throw new SealingException("the block this node built was not imported: " + result);
    }
    boolean finalized = false;
    if (finalize) {
      chain.finalize(imported.hash(), Optional.empty());
      finalized = true;
    }
    return new CreatedBlock(imported.hash(), imported.number(), imported.best(), finalized);
  }

  /** Stops making blocks; a block being made is finished first. */
  @Override
  public void close() {
    if (timer != null) {
      timer.cancel(false);
    }
    thread.shutdown();
    try {
      if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
