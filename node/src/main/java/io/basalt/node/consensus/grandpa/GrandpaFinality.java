/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.grandpa;

import io.basalt.node.chain.BlockOrigin;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.ChainEvent;
import io.basalt.node.chain.ChainListener;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.node.importer.AuxWrite;
import io.basalt.node.importer.BlockVerifier;
import io.basalt.node.importer.Verdict;
import io.basalt.node.lifecycle.WorkerThread;
import io.basalt.node.log.StatusLog;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.keystore.KeyTypeId;
import io.basalt.primitives.crypto.keystore.Keystore;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.Justification;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.storage.block.BlockRef;
import io.basalt.storage.block.BlockStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GRANDPA finality without a network: it tracks the authority set, verifies the justifications
 * blocks arrive with, and, when the node's keystore holds a supermajority of the voting weight,
 * finalizes blocks itself with real justifications.
 *
 * <p><b>Verification</b> ({@link BlockVerifier}): a block's GRANDPA change digests are recorded
 * beside it (aux {@code FRNK:changes:<hash>}); a {@code FRNK} justification it carries is checked
 * with {@link JustificationCheck} against the current set and, if valid, finalizes the block once
 * it is stored; an invalid one refuses the block.
 *
 * <p><b>Tracking</b> ({@link ChainListener}): imported blocks add their changes to the {@link
 * GrandpaState}, finalized blocks enact them; the state is persisted (aux {@code FRNK:state}) after
 * each change, and a restarted node rebuilds what it may have missed from the per-block records.
 *
 * <p><b>Voting</b>: after each new best block a voter thread runs the next round. With only local
 * voters, the prevote and precommit of every local key go to the best block, or to the effective
 * block of the first pending standard change on its chain, which the current set must finalize
 * before the next set takes over. The precommits are signed with the {@code gran} ed25519 keys of
 * the keystore, checked with the same code as imported justifications, and the block is finalized
 * with the justification stored. Without a supermajority nothing is finalized and {@link #status()}
 * says why.
 *
 * <pre>{@code
 * GrandpaFinality grandpa = new GrandpaFinality(chain, calls, keystore);
 * importer.addVerifier(grandpa);
 * grandpa.start();                  // listens to the chain, votes after each new best block
 * grandpa.status().ifPresent(...);  // "waiting for GRANDPA voters: local weight 1 of 2 needed"
 * grandpa.close();
 * }</pre>
 */
public final class GrandpaFinality implements BlockVerifier, ChainListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("grandpa");

  /** The runtime API that gives the genesis (or current) voters. */
  public static final String AUTHORITIES_CALL = "GrandpaApi_grandpa_authorities";

  /** The runtime API that gives the current set id (GrandpaApi v2 and later). */
  public static final String SET_ID_CALL = "GrandpaApi_current_set_id";

  static final Bytes STATE_KEY = ascii("FRNK:state");
  private static final Bytes CHANGES_PREFIX = ascii("FRNK:changes:");
  private static final ScaleCodec<List<ConsensusLog>> LOGS_CODEC =
      ScaleCodec.vec(ConsensusLog.CODEC);

  private final Blockchain chain;
  private final Keystore keystore;
  private final ExecutorService voter;
  private final AtomicBoolean voteScheduled = new AtomicBoolean();
  private final Object lock = new Object();
  private volatile GrandpaState state;
  private volatile Optional<String> status = Optional.empty();
  private final Object voting = new Object();
  private volatile boolean closed;

  /**
   * GRANDPA on {@code chain}: the state is read back from the database, or started from {@code
   * GrandpaApi_grandpa_authorities} at the finalized block (set id 0 at genesis, else {@code
   * GrandpaApi_current_set_id} where the runtime has it).
   *
   * @throws io.basalt.executor.vm.RuntimeTrapException if the runtime cannot answer
   */
  public GrandpaFinality(Blockchain chain, RuntimeCalls calls, Keystore keystore) {
    this.chain = chain;
    this.keystore = keystore;
    this.voter =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("grandpa-voter").daemon().factory());
    GrandpaState loaded =
        chain
            .database()
            .blocks()
            .aux(STATE_KEY)
            .map(GrandpaState.CODEC::decode)
            .orElseGet(() -> initialState(chain, calls));
    this.state = recover(loaded);
    persist(state);
    updateStatus(state);
  }

  /** Whether a runtime offers the GRANDPA API, i.e. whether this engine applies to its chain. */
  public static boolean isSupported(RuntimeCalls calls, Header at) {
    return calls.codeAt(at).blob().exportsFunction(AUTHORITIES_CALL);
  }

  /** Listens to the chain and runs a first round (blocks may be waiting since the last run). */
  public void start() {
    chain.addListener(this);
    scheduleVote();
  }

  /** The current GRANDPA state. */
  public GrandpaState state() {
    return state;
  }

  /**
   * Why blocks are not being finalized, for the status line: {@code "waiting for GRANDPA voters:
   * local weight 1 of 2 needed"}; empty while the local keys can finalize.
   */
  public Optional<String> status() {
    return status;
  }

  @Override
  public Verdict verify(SignedBlock signed, Header parent, BlockOrigin origin) {
    Header header = signed.block().header();
    BlockRef block = new BlockRef(header.hash(), header.number());
    List<ConsensusLog> logs = logsOf(header);
    List<AuxWrite> aux =
        logs.isEmpty()
            ? List.of()
            : List.of(AuxWrite.put(changesKey(block.hash()), Bytes.wrap(LOGS_CODEC.encode(logs))));
    Optional<Justification> found =
        signed.justifications().orElse(List.of()).stream()
            .filter(j -> j.engine().equals(EngineId.GRANDPA))
            .findFirst();
    if (found.isEmpty()) {
      return Verdict.accepted(aux);
    }
    GrandpaJustification justification;
    try {
      justification = GrandpaJustification.CODEC.decode(found.get().encoded());
    } catch (ScaleDecodingException e) {
      return Verdict.rejected("undecodable GRANDPA justification: " + e.getMessage());
    }
    GrandpaState current = state;
    if (block.number() <= current.asOf().number()) {
      return Verdict.accepted(aux); // below the finalized block: it cannot finalize anything
    }
    GrandpaState.Ancestry ancestry = ancestryWith(header);
    Optional<Long> limit = current.votingLimit(block, ancestry);
    if (limit.isPresent() && limit.get() < block.number()) {
      LOG.warn(
          "block #{} ({}) has a GRANDPA justification, but the authority set change at #{} must be"
              + " finalized first; not finalizing with it",
          block.number(),
          StatusLog.shortHash(block.hash()),
          limit.get());
      return Verdict.accepted(aux);
    }
    Optional<String> problem =
        JustificationCheck.check(
            justification,
            current.set(),
            block,
            h -> h.equals(block.hash()) ? Optional.of(header) : chain.header(h));
    if (problem.isPresent()) {
      return Verdict.rejected(problem.get());
    }
    return new Verdict.Accepted(aux, found);
  }

  @Override
  public void onEvent(ChainEvent event) {
    switch (event) {
      case ChainEvent.BlockImported imported -> {
        List<ConsensusLog> logs = logsOf(imported.header());
        if (!logs.isEmpty()) {
          update(s -> s.imported(imported.ref(), logs, this::isAncestorOrSelf));
        }
        if (imported.isNewBest()) {
          scheduleVote();
        }
      }
      case ChainEvent.Finalized finalized -> {
        update(s -> s.finalized(finalized.finalized(), this::isAncestorOrSelf));
        scheduleVote();
      }
      case ChainEvent.BestBlockSet set -> {
        set.finalityRevertedTo()
            .ifPresent(
                f ->
                    LOG.warn(
                        "finality moved back to #{} on request; GRANDPA keeps set {} as of #{}",
                        f.number(),
                        state.set().setId(),
                        state.asOf().number()));
        scheduleVote();
      }
    }
  }

  /**
   * Runs rounds until the local voters cannot finalize more; on the voter thread, or directly in
   * tests.
   *
   * @return the blocks finalized, lowest first
   */
  public List<BlockRef> vote() {
    // One voter at a time: two rounds computed at once would both take the next round number.
    synchronized (voting) {
      List<BlockRef> done = new ArrayList<>();
      while (!closed) {
        Optional<BlockRef> finalized = voteOnce();
        if (finalized.isEmpty()) {
          break;
        }
        done.add(finalized.get());
      }
      return done;
    }
  }

  /**
   * Waits until the voter has nothing left to do (tests).
   *
   * @throws IllegalStateException if that takes longer than {@code seconds}
   */
  public void awaitIdle(long seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    try {
      do {
        voter.submit(() -> {}).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } while (voteScheduled.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the GRANDPA voter", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the GRANDPA voter did not become idle: " + e, e);
    }
  }

  @Override
  public void close() {
    closed = true;
    chain.removeListener(this);
    WorkerThread.stop(voter, Duration.ofSeconds(10));
  }

  private void scheduleVote() {
    if (!closed && voteScheduled.compareAndSet(false, true)) {
      try {
        var unused =
            voter.submit(
                () -> {
                  voteScheduled.set(false);
                  try {
                    vote();
                  } catch (RuntimeException e) {
                    if (closed) {
                      LOG.debug("the GRANDPA voter stopped while closing: {}", e.toString());
                    } else {
                      LOG.error("the GRANDPA voter failed: {}", e.toString(), e);
                    }
                  }
                });
      } catch (java.util.concurrent.RejectedExecutionException e) {
        voteScheduled.set(false); // closing
      }
    }
  }

  /** One round: finalizes the next block if the local voters hold a supermajority. */
  private Optional<BlockRef> voteOnce() {
    GrandpaState s = state;
    AuthoritySet set = s.set();
    List<Authority> local = localVoters(set);
    if (!updateStatus(s)) {
      return Optional.empty();
    }
    BlockRef finalized = chain.finalized();
    BlockRef best = chain.best();
    BlockRef target = best;
    Optional<Long> limit = s.votingLimit(best, this::isAncestorOrSelf);
    if (limit.isPresent() && limit.get() < target.number()) {
      target = ancestorAt(best, limit.get());
    }
    if (target.number() <= finalized.number()) {
      return Optional.empty();
    }
    long round = s.round() + 1;
    GrandpaJustification.Precommit vote =
        new GrandpaJustification.Precommit(target.hash(), target.number());
    byte[] payload = GrandpaJustification.signedPayload(vote, round, set.setId());
    List<GrandpaJustification.SignedPrecommit> precommits = new ArrayList<>();
    for (Authority voter : local) {
      keystore
          .sign(KeyTypeId.GRANDPA, KeyScheme.ED25519, voter.id(), payload)
          .ifPresent(
              sig ->
                  precommits.add(
                      new GrandpaJustification.SignedPrecommit(vote, Bytes.wrap(sig), voter.id())));
    }
    GrandpaJustification justification =
        new GrandpaJustification(
            round,
            new GrandpaJustification.Commit(target.hash(), target.number(), precommits),
            List.of());
    Optional<String> problem = JustificationCheck.check(justification, set, target, chain::header);
    if (problem.isPresent()) {
      LOG.error("the local GRANDPA voters produced an invalid justification: {}", problem.get());
      status = Optional.of("GRANDPA voting failed: " + problem.get());
      return Optional.empty();
    }
    synchronized (lock) {
      if (state.set().setId() != set.setId()) {
        return Optional.empty(); // a forced change started a new set meanwhile; vote again
      }
      state = state.withRound(round);
    }
    try {
      chain.finalize(
          target.hash(), Optional.of(new Justification(EngineId.GRANDPA, justification.encoded())));
    } catch (IllegalArgumentException e) {
      LOG.debug(
          "GRANDPA round {} could not finalize #{}: {}", round, target.number(), e.getMessage());
      return Optional.empty();
    }
    LOG.debug(
        "GRANDPA round {} of set {} finalized #{} ({})",
        round,
        set.setId(),
        target.number(),
        StatusLog.shortHash(target.hash()));
    return Optional.of(target);
  }

  /** Updates {@link #status}; true if the local voters may finalize. */
  private boolean updateStatus(GrandpaState s) {
    AuthoritySet set = s.set();
    if (set.authorities().isEmpty()) {
      status = Optional.of("GRANDPA has no voters in set " + set.setId());
      return false;
    }
    long localWeight = 0;
    for (Authority a : localVoters(set)) {
      localWeight += a.weight();
    }
    if (localWeight < set.threshold()) {
      status =
          Optional.of(
              "waiting for GRANDPA voters: local weight "
                  + localWeight
                  + " of "
                  + set.threshold()
                  + " needed");
      return false;
    }
    status = Optional.empty();
    return true;
  }

  private List<Authority> localVoters(AuthoritySet set) {
    Set<Bytes> keys = new HashSet<>(keystore.publicKeys(KeyTypeId.GRANDPA, KeyScheme.ED25519));
    return set.authorities().stream().filter(a -> keys.contains(a.id())).toList();
  }

  private interface Step {
    GrandpaState apply(GrandpaState s);
  }

  private void update(Step step) {
    GrandpaState before;
    GrandpaState after;
    synchronized (lock) {
      before = state;
      after = step.apply(before);
      if (after.equals(before)) {
        return;
      }
      state = after;
      persist(after);
    }
    if (after.set().setId() != before.set().setId()) {
      StatusLog.info(
          "👴 Applying GRANDPA authority set change: set {} with {} voter(s)",
          after.set().setId(),
          after.set().authorities().size());
    }
    updateStatus(after);
  }

  private void persist(GrandpaState s) {
    try (BlockStore.Transaction tx = chain.database().blocks().transaction()) {
      tx.putAux(STATE_KEY, Optional.of(Bytes.wrap(GrandpaState.CODEC.encode(s))));
      tx.commit();
    }
  }

  /**
   * Brings a stored state up to date with the chain: the changes recorded with blocks above its
   * finalized block (imported after it was written), then the finalization since.
   */
  private GrandpaState recover(GrandpaState stored) {
    List<Header> above = new ArrayList<>();
    Set<Hash256> seen = new HashSet<>();
    Deque<Hash256> todo = new ArrayDeque<>();
    for (BlockRef leaf : chain.leaves()) {
      todo.add(leaf.hash());
    }
    while (!todo.isEmpty()) {
      Hash256 hash = todo.pop();
      if (!seen.add(hash)) {
        continue;
      }
      Optional<Header> header = chain.header(hash);
      if (header.isEmpty() || header.get().number() <= stored.asOf().number()) {
        continue;
      }
      above.add(header.get());
      todo.add(header.get().parentHash());
    }
    above.sort(Comparator.comparingLong(Header::number));
    GrandpaState s = stored;
    for (Header h : above) {
      Optional<Bytes> record = chain.database().blocks().aux(changesKey(h.hash()));
      if (record.isPresent()) {
        s =
            s.imported(
                new BlockRef(h.hash(), h.number()),
                LOGS_CODEC.decode(record.get()),
                this::isAncestorOrSelf);
      }
    }
    BlockRef finalized = chain.finalized();
    return finalized.equals(s.asOf()) ? s : s.finalized(finalized, this::isAncestorOrSelf);
  }

  private static GrandpaState initialState(Blockchain chain, RuntimeCalls calls) {
    BlockRef finalized = chain.finalized();
    Header at = chain.requireHeader(finalized.hash());
    List<Authority> authorities =
        Authority.LIST_CODEC.decode(calls.call(at, AUTHORITIES_CALL, Bytes.EMPTY));
    long setId =
        finalized.number() > 0 && calls.codeAt(at).blob().exportsFunction(SET_ID_CALL)
            ? ScaleCodec.U64.decode(calls.call(at, SET_ID_CALL, Bytes.EMPTY))
            : 0;
    return GrandpaState.initial(new AuthoritySet(setId, authorities), finalized);
  }

  private List<ConsensusLog> logsOf(Header header) {
    try {
      return ConsensusLog.of(header);
    } catch (ScaleDecodingException e) {
      // As Substrate: a digest that does not decode announces nothing.
      LOG.warn(
          "block #{} ({}) has an undecodable GRANDPA digest, ignored: {}",
          header.number(),
          StatusLog.shortHash(header.hash()),
          e.getMessage());
      return List.of();
    }
  }

  private boolean isAncestorOrSelf(BlockRef ancestor, BlockRef block) {
    return ancestor.number() <= block.number()
        && chain.contains(block.hash())
        && chain.isDescendantOf(block.hash(), ancestor);
  }

  /** Ancestry that also knows {@code pending}, a block being imported (not stored yet). */
  private GrandpaState.Ancestry ancestryWith(Header pending) {
    BlockRef self = new BlockRef(pending.hash(), pending.number());
    BlockRef parent = new BlockRef(pending.parentHash(), pending.number() - 1);
    return (ancestor, block) -> {
      if (block.equals(self)) {
        return ancestor.equals(self) || isAncestorOrSelf(ancestor, parent);
      }
      return isAncestorOrSelf(ancestor, block);
    };
  }

  private BlockRef ancestorAt(BlockRef from, long number) {
    Header h = chain.requireHeader(from.hash());
    while (h.number() > number) {
      h = chain.requireHeader(h.parentHash());
    }
    return new BlockRef(h.hash(), h.number());
  }

  static Bytes changesKey(Hash256 block) {
    return CHANGES_PREFIX.concat(block.toBytes());
  }

  private static Bytes ascii(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.US_ASCII));
  }
}
