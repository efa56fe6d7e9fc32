/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.grandpa;

import io.basalt.network.grandpa.AuthoritySignature;
import io.basalt.network.grandpa.CommitMessage;
import io.basalt.network.grandpa.CompactCommit;
import io.basalt.network.grandpa.GossipMessage;
import io.basalt.network.grandpa.NeighborPacket;
import io.basalt.network.grandpa.SignedMessage;
import io.basalt.network.grandpa.VoteKind;
import io.basalt.network.grandpa.VoteMessage;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GRANDPA finality: it tracks the authority set, verifies the justifications blocks arrive with,
 * and finalizes blocks with real justifications, by itself when the node's keystore holds a
 * supermajority of the voting weight, else with the other voters over the network.
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
 * <p><b>Voting with the network</b> ({@link #attachNetwork}): when the local keys hold less than a
 * supermajority, each round has real phases. The local voters prevote the best block (within the
 * voting limit) once it is above the finalized block or others prevoted; once the prevotes of a
 * supermajority have a ghost (the highest block they vote for or above) they precommit it; once the
 * precommits of a supermajority have a ghost, it is finalized with a justification of those signed
 * precommits and a commit goes to the peers. Votes and commits arrive through {@link #deliver}: a
 * vote for a later round makes the voter join that round, a commit is checked as a justification
 * and finalizes its block (once imported). A round with votes that does not complete in 5 s is left
 * for the next one. All of it runs on the voter thread.
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

  /** How often the networked voter looks again at votes whose blocks arrived meanwhile. */
  private static final Duration TICK = Duration.ofMillis(250);

  /** A round with votes that does not complete in this time is abandoned for the next. */
  private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(5);

  static final Bytes STATE_KEY = ascii("FRNK:state");
  private static final Bytes CHANGES_PREFIX = ascii("FRNK:changes:");
  private static final ScaleCodec<List<ConsensusLog>> LOGS_CODEC =
      ScaleCodec.vec(ConsensusLog.CODEC);

  private final Blockchain chain;
  private final Keystore keystore;
  private final ScheduledExecutorService voter;
  private final AtomicBoolean voteScheduled = new AtomicBoolean();
  private final Object lock = new Object();
  private volatile GrandpaState state;
  private volatile Optional<String> status = Optional.empty();
  private final Object voting = new Object();
  private volatile boolean closed;
  private volatile GrandpaNetwork network = GrandpaNetwork.NONE;
  private volatile boolean networked;
  // The networked voter's round and a commit waiting for its block; voter thread only.
  private Optional<VotingRound> round = Optional.empty();
  private Optional<CommitMessage> pendingCommit = Optional.empty();
  private volatile long currentRound = 1;

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
        Executors.newSingleThreadScheduledExecutor(
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

  /**
   * Votes with the network's voters too: when the local keys alone hold no supermajority, rounds
   * get real prevote and precommit phases whose votes go out through {@code gossip}, and the votes
   * and commits of others come in through {@link #deliver}. Call before {@link #start()}.
   */
  public void attachNetwork(GrandpaNetwork gossip) {
    this.network = gossip;
    this.networked = true;
    var unused =
        voter.scheduleWithFixedDelay(
            this::scheduleVote, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * A vote or commit from the network, already checked cheaply by the gossip (set id, round window,
   * vote signature); handled on the voter thread. Other messages are ignored.
   */
  public void deliver(GossipMessage message) {
    if (closed) {
      return;
    }
    try {
      voter.execute(
          () -> {
            try {
              synchronized (voting) {
                switch (message) {
                  case VoteMessage v -> onVote(v);
                  case CommitMessage c -> onCommit(c);
                  default -> {}
                }
                networkStep();
              }
            } catch (RuntimeException e) {
              LOG.warn("a GRANDPA message from the network failed: {}", e.toString(), e);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing
    }
  }

  /**
   * Sends the current round's votes to {@code to} (a peer that just connected: it missed them), on
   * the voter thread.
   */
  public void replay(GrandpaNetwork to) {
    if (closed) {
      return;
    }
    try {
      voter.execute(
          () -> {
            synchronized (voting) {
              round.ifPresent(
                  r -> {
                    for (VoteKind kind : List.of(VoteKind.PREVOTE, VoteKind.PRECOMMIT)) {
                      for (SignedMessage vote : r.votes(kind)) {
                        to.broadcast(new VoteMessage(r.number(), r.set().setId(), vote));
                      }
                    }
                  });
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing
    }
  }

  /** The round the networked voter is in (1 before it starts). */
  public long currentRound() {
    return currentRound;
  }

  /** Our view for neighbor packets: the current round, set and finalized height. */
  public NeighborPacket view() {
    return new NeighborPacket(currentRound, state.set().setId(), chain.finalized().number());
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
      if (networked && !closed) {
        networkStep();
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
    network.broadcast(commitMessage(justification, set.setId()));
    LOG.debug(
        "GRANDPA round {} of set {} finalized #{} ({})",
        round,
        set.setId(),
        target.number(),
        StatusLog.shortHash(target.hash()));
    return Optional.of(target);
  }

  /**
   * One step of the networked voter, when the local keys alone cannot finalize: prevote the best
   * block (within the voting limit), precommit the prevotes' ghost once a supermajority prevoted,
   * finalize the precommits' ghost once a supermajority precommitted, and move to the next round
   * then or after a timeout.
   */
  private void networkStep() {
    retryPendingCommit();
    GrandpaState s = state;
    AuthoritySet set = s.set();
    if (set.authorities().isEmpty() || localWeight(set) >= set.threshold()) {
      return;
    }
    VotingRound r = ensureRound(s);
    BlockRef base = chain.finalized();
    List<Authority> local = localVoters(set);
    if (!r.prevoted() && !local.isEmpty()) {
      BlockRef target = voteTarget(s);
      if (target.number() > base.number() || r.hasPrevotes()) {
        cast(r, VoteKind.PREVOTE, target.number() < base.number() ? base : target, local);
        r.markPrevoted();
      }
    }
    if (!r.precommitted() && (r.prevoted() || local.isEmpty())) {
      Optional<BlockRef> ghost = r.prevoteGhost(base, chain::header);
      if (ghost.isPresent()) {
        cast(r, VoteKind.PRECOMMIT, ghost.get(), local);
        r.markPrecommitted();
      }
    }
    Optional<BlockRef> decided = r.precommitGhost(base, chain::header);
    if (decided.isPresent()) {
      if (decided.get().number() > base.number()) {
        finalizeRound(r, decided.get());
      }
      completeRound(r.number());
      return;
    }
    boolean active = r.prevoted() || r.hasPrevotes();
    if (active && System.nanoTime() - r.startedNanos() > ROUND_TIMEOUT.toNanos()) {
      LOG.debug("GRANDPA round {} of set {} timed out", r.number(), set.setId());
      startRound(r.number() + 1, set);
    }
  }

  private void onVote(VoteMessage message) {
    GrandpaState s = state;
    if (message.setId() != s.set().setId()) {
      return;
    }
    VotingRound r = ensureRound(s);
    if (message.round() < r.number()) {
      return;
    }
    if (message.round() > r.number()) {
      r = startRound(message.round(), s.set()); // the others are ahead: join them
    }
    r.add(message.message());
  }

  private void onCommit(CommitMessage message) {
    GrandpaState s = state;
    if (message.setId() != s.set().setId()) {
      return;
    }
    CompactCommit commit = message.commit();
    BlockRef target = new BlockRef(commit.targetHash(), commit.targetNumber());
    if (target.number() > chain.finalized().number()) {
      if (chain.header(target.hash()).isEmpty()) {
        pendingCommit = Optional.of(message); // the block is on its way
        return;
      }
      List<GrandpaJustification.SignedPrecommit> precommits = new ArrayList<>();
      for (int i = 0; i < commit.precommits().size() && i < commit.authData().size(); i++) {
        var precommit = commit.precommits().get(i);
        AuthoritySignature auth = commit.authData().get(i);
        precommits.add(
            new GrandpaJustification.SignedPrecommit(
                new GrandpaJustification.Precommit(
                    precommit.targetHash(), precommit.targetNumber()),
                auth.signature(),
                auth.id()));
      }
      if (commit.precommits().size() != commit.authData().size()) {
        LOG.debug(
            "GRANDPA commit with {} precommits but {} signatures ignored",
            commit.precommits().size(),
            commit.authData().size());
        return;
      }
      GrandpaJustification justification =
          new GrandpaJustification(
              message.round(),
              new GrandpaJustification.Commit(target.hash(), target.number(), precommits),
              ancestries(target, precommits));
      Optional<String> problem =
          JustificationCheck.check(justification, s.set(), target, chain::header);
      if (problem.isPresent()) {
        LOG.debug("GRANDPA commit ignored: {}", problem.get());
        return;
      }
      finalizeWith(justification, target);
    }
    VotingRound r = ensureRound(s);
    if (message.round() >= r.number()) {
      completeRound(message.round());
    }
  }

  private void retryPendingCommit() {
    if (pendingCommit.isPresent()
        && chain.header(pendingCommit.get().commit().targetHash()).isPresent()) {
      CommitMessage commit = pendingCommit.get();
      pendingCommit = Optional.empty();
      onCommit(commit);
    }
  }

  /** Signs a vote with every local key, records it and sends it to the peers. */
  private void cast(VotingRound r, VoteKind kind, BlockRef target, List<Authority> local) {
    long setId = r.set().setId();
    byte[] payload =
        GossipMessage.signingPayload(kind, target.hash(), target.number(), r.number(), setId);
    for (Authority voter : local) {
      Optional<byte[]> signature =
          keystore.sign(KeyTypeId.GRANDPA, KeyScheme.ED25519, voter.id(), payload);
      if (signature.isEmpty()) {
        continue;
      }
      SignedMessage vote =
          new SignedMessage(
              kind, target.hash(), target.number(), Bytes.wrap(signature.get()), voter.id());
      r.add(vote);
      network.broadcast(new VoteMessage(r.number(), setId, vote));
    }
    LOG.debug(
        "GRANDPA round {} of set {}: {} for #{} ({})",
        r.number(),
        setId,
        kind,
        target.number(),
        StatusLog.shortHash(target.hash()));
  }

  /** Finalizes what the round's precommits decided and sends the commit to the peers. */
  private void finalizeRound(VotingRound r, BlockRef target) {
    List<GrandpaJustification.SignedPrecommit> precommits = new ArrayList<>();
    for (SignedMessage vote : r.precommitsFor(target, chain::header)) {
      precommits.add(
          new GrandpaJustification.SignedPrecommit(
              new GrandpaJustification.Precommit(vote.targetHash(), vote.targetNumber()),
              vote.signature(),
              vote.id()));
    }
    GrandpaJustification justification =
        new GrandpaJustification(
            r.number(),
            new GrandpaJustification.Commit(target.hash(), target.number(), precommits),
            ancestries(target, precommits));
    Optional<String> problem =
        JustificationCheck.check(justification, r.set(), target, chain::header);
    if (problem.isPresent()) {
      LOG.error("GRANDPA round {} made an invalid justification: {}", r.number(), problem.get());
      return;
    }
    if (finalizeWith(justification, target)) {
      network.broadcast(commitMessage(justification, r.set().setId()));
    }
  }

  private boolean finalizeWith(GrandpaJustification justification, BlockRef target) {
    try {
      chain.finalize(
          target.hash(), Optional.of(new Justification(EngineId.GRANDPA, justification.encoded())));
    } catch (IllegalArgumentException e) {
      LOG.debug(
          "GRANDPA round {} could not finalize #{}: {}",
          justification.round(),
          target.number(),
          e.getMessage());
      return false;
    }
    LOG.debug(
        "GRANDPA round {} finalized #{} ({}) with {} precommit(s)",
        justification.round(),
        target.number(),
        StatusLog.shortHash(target.hash()),
        justification.commit().precommits().size());
    return true;
  }

  /** The headers between {@code target} and the precommitted blocks above it. */
  private List<Header> ancestries(
      BlockRef target, List<GrandpaJustification.SignedPrecommit> precommits) {
    Map<Hash256, Header> found = new LinkedHashMap<>();
    for (GrandpaJustification.SignedPrecommit p : precommits) {
      Hash256 hash = p.precommit().targetHash();
      long number = p.precommit().targetNumber();
      while (number > target.number()) {
        Optional<Header> header = chain.header(hash);
        if (header.isEmpty()) {
          break;
        }
        found.putIfAbsent(hash, header.get());
        hash = header.get().parentHash();
        number--;
      }
    }
    return List.copyOf(found.values());
  }

  private static CommitMessage commitMessage(GrandpaJustification justification, long setId) {
    GrandpaJustification.Commit commit = justification.commit();
    List<io.basalt.network.grandpa.Precommit> precommits = new ArrayList<>();
    List<AuthoritySignature> auth = new ArrayList<>();
    for (GrandpaJustification.SignedPrecommit p : commit.precommits()) {
      precommits.add(
          new io.basalt.network.grandpa.Precommit(
              p.precommit().targetHash(), p.precommit().targetNumber()));
      auth.add(new AuthoritySignature(p.signature(), p.id()));
    }
    return new CommitMessage(
        justification.round(),
        setId,
        new CompactCommit(commit.targetHash(), commit.targetNumber(), precommits, auth));
  }

  /** The block to prevote: the best one, or the change block the set must finalize first. */
  private BlockRef voteTarget(GrandpaState s) {
    BlockRef best = chain.best();
    Optional<Long> limit = s.votingLimit(best, this::isAncestorOrSelf);
    return limit.isPresent() && limit.get() < best.number() ? ancestorAt(best, limit.get()) : best;
  }

  /** The current round, a new one if the set changed or the state completed it. */
  private VotingRound ensureRound(GrandpaState s) {
    Optional<VotingRound> r = round;
    if (r.isEmpty() || r.get().set().setId() != s.set().setId() || r.get().number() <= s.round()) {
      return startRound(s.round() + 1, s.set());
    }
    return r.get();
  }

  private VotingRound startRound(long number, AuthoritySet set) {
    VotingRound r = new VotingRound(number, set, System.nanoTime());
    round = Optional.of(r);
    currentRound = number;
    network.broadcast(new NeighborPacket(number, set.setId(), chain.finalized().number()));
    return r;
  }

  /** Records {@code completed} as done and starts the next round. */
  private void completeRound(long completed) {
    AuthoritySet set;
    synchronized (lock) {
      if (state.round() < completed) {
        state = state.withRound(completed);
        persist(state);
      }
      set = state.set();
    }
    startRound(state.round() + 1, set);
  }

  private long localWeight(AuthoritySet set) {
    long weight = 0;
    for (Authority a : localVoters(set)) {
      weight += a.weight();
    }
    return weight;
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
