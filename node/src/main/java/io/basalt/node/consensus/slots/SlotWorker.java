/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.slots;

import io.basalt.node.authoring.BlockProposalException;
import io.basalt.node.authoring.BlockProposer;
import io.basalt.node.authoring.InherentData;
import io.basalt.node.authoring.PendingTransactions;
import io.basalt.node.authoring.Proposal;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.consensus.SlotAuthorship;
import io.basalt.node.consensus.SlotClaim;
import io.basalt.node.importer.BlockImportResult;
import io.basalt.node.importer.BlockImporter;
import io.basalt.node.importer.PreparedBlock;
import io.basalt.node.lifecycle.WorkerThread;
import io.basalt.node.log.StatusLog;
import io.basalt.primitives.types.Header;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authors blocks of a real chain on the wall clock, as Substrate's slot worker does: at the start
 * of each slot it asks the chain's engine whether a local key may author on the best block; if so,
 * it builds the block within two thirds of what remains of the slot, stamped with the slot's start
 * time, seals it and imports it. Blocks run on one thread; a slot whose block is late is skipped,
 * not queued.
 *
 * <pre>{@code
 * try (SlotWorker worker = new SlotWorker(aura, proposer, importer, pool, Clock.systemUTC())) {
 *   worker.start();
 * }
 * }</pre>
 */
public final class SlotWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("authoring");

  /** How long to wait before trying again when a slot could not even be looked at. */
  private static final long RETRY_MILLIS = 1_000;

  private final SlotAuthorship engine;
  private final BlockProposer proposer;
  private final BlockImporter importer;
  private final Blockchain chain;
  private final PendingTransactions pool;
  private final Clock clock;
  private final ScheduledExecutorService thread;
  private long lastSlot = -1;
  private volatile boolean closed;

  public SlotWorker(
      SlotAuthorship engine,
      BlockProposer proposer,
      BlockImporter importer,
      PendingTransactions pool,
      Clock clock) {
    this.engine = engine;
    this.proposer = proposer;
    this.importer = importer;
    this.chain = importer.chain();
    this.pool = pool;
    this.clock = clock;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("basalt-slots").daemon().factory());
  }

  /** Starts authoring from the current slot on. */
  public void start() {
    var unused = thread.submit(this::tick);
  }

  private void tick() {
    if (closed) {
      return;
    }
    long delay = RETRY_MILLIS;
    try {
      Header best = chain.requireHeader(chain.best().hash());
      long slotMillis = engine.slotDuration(best).toMillis();
      long now = clock.millis();
      long slot = now / slotMillis;
      if (slot > lastSlot) {
        lastSlot = slot;
        long slotEnd = Math.multiplyExact(slot + 1, slotMillis);
        onSlot(best, slot, slotMillis, Duration.ofMillis((slotEnd - now) * 2 / 3));
      }
      delay = Math.max(1, Math.multiplyExact(slot + 1, slotMillis) - clock.millis());
    } catch (RuntimeException e) {
      LOG.warn("❗ Slot authoring failed: {}", e.getMessage());
      LOG.debug("slot authoring failure", e);
    } finally {
      if (!closed) {
        var unused = thread.schedule(this::tick, delay, TimeUnit.MILLISECONDS);
      }
    }
  }

  private void onSlot(Header best, long slot, long slotMillis, Duration budget) {
    long bestSlot = engine.slotOf(best);
    if (best.number() > 0 && slot <= bestSlot) {
      LOG.debug("slot {}: the best block #{} is at slot {} already", slot, best.number(), bestSlot);
      return;
    }
    Optional<SlotClaim> claim = engine.claim(best, slot);
    if (claim.isEmpty()) {
      LOG.debug("slot {}: no local key may author on #{}", slot, best.number());
      return;
    }
    StatusLog.info("🙋 Claimed slot {} on #{}", slot, best.number());
    Proposal proposal;
    try {
      proposal =
          proposer.propose(
              best,
              engine.inherents(
                  claim.get(),
                  InherentData.empty().withTimestamp(Math.multiplyExact(slot, slotMillis))),
              claim.get().preDigest(),
              pool,
              budget);
    } catch (BlockProposalException e) {
      LOG.warn("❗ Failed to build a block for slot {}: {}", slot, e.getMessage());
      return;
    }
    Header unsealed = proposal.block().block().header();
    PreparedBlock sealed = proposal.block().sealedWith(engine.seal(claim.get(), unsealed));
    StatusLog.info(
        "🔖 Pre-sealed block for proposal at {}. Hash now {}, previously {}.",
        unsealed.number(),
        sealed.block().header().hash(),
        unsealed.hash());
    BlockImportResult result = importer.importPrepared(sealed);
    if (!(result instanceof BlockImportResult.Imported)) {
      LOG.warn("❗ The block of slot {} was not imported: {}", slot, result);
    }
  }

  /** Stops authoring; a block being built is finished first. */
  @Override
  public void close() {
    closed = true;
    WorkerThread.stop(thread, Duration.ofSeconds(10));
  }
}
