/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.grandpa;

import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.storage.block.BlockRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What GRANDPA knows at a point of the chain: the current authority set, the last round the local
 * voter completed in it, the changes announced on the unfinalized forks, the forced changes already
 * enacted above the finalized block, and the finalized block all this is up to date with.
 * Immutable: each step returns the next state.
 *
 * <p>Standard changes are enacted in order of their effective block when a block at or above it,
 * built on the announcing block, is finalized; finalization also drops the changes of forks it
 * abandons. A forced change is enacted when its effective block is imported on its fork; it starts
 * a new set with no pending changes, as sc-consensus-grandpa does.
 *
 * @param set the current voters
 * @param round the last completed round of the current set (0: none yet)
 * @param pending announced changes, in the order they were seen
 * @param enactedForced the announcing blocks of forced changes enacted above {@code asOf}
 * @param asOf the finalized block this state has seen
 */
public record GrandpaState(
    AuthoritySet set,
    long round,
    List<PendingChange> pending,
    List<BlockRef> enactedForced,
    BlockRef asOf) {
  public GrandpaState {
    pending = List.copyOf(pending);
    enactedForced = List.copyOf(enactedForced);
  }

  /** Says whether {@code ancestor} is {@code block} or one of its ancestors. */
  @FunctionalInterface
  public interface Ancestry {
    boolean isAncestorOrSelf(BlockRef ancestor, BlockRef block);
  }

  /** The state at genesis (or at the first finalized block GRANDPA sees). */
  public static GrandpaState initial(AuthoritySet set, BlockRef finalized) {
    return new GrandpaState(set, 0, List.of(), List.of(), finalized);
  }

  /** This state with {@code round} completed. */
  public GrandpaState withRound(long round) {
    return new GrandpaState(set, round, pending, enactedForced, asOf);
  }

  /**
   * The state after importing {@code block} with these GRANDPA logs: its changes become pending; a
   * forced change whose effective block it is gets enacted.
   */
  public GrandpaState imported(BlockRef block, List<ConsensusLog> logs, Ancestry ancestry) {
    List<PendingChange> next = new ArrayList<>(pending);
    for (ConsensusLog log : logs) {
      Optional<PendingChange> change =
          switch (log) {
            case ConsensusLog.ScheduledChange c ->
                Optional.of(new PendingChange(block, c.nextAuthorities(), c.delay(), false));
            case ConsensusLog.ForcedChange f ->
                Optional.of(
                    new PendingChange(
                        block, f.change().nextAuthorities(), f.change().delay(), true));
            default -> Optional.empty();
          };
      if (change.isPresent()
          && !next.contains(change.get())
          && !(change.get().forced() && enactedForced.contains(block))) {
        next.add(change.get());
      }
    }
    for (PendingChange c : next) {
      if (c.forced()
          && c.effectiveNumber() == block.number()
          && !enactedForced.contains(c.announcedIn())
          && ancestry.isAncestorOrSelf(c.announcedIn(), block)) {
        List<BlockRef> forced = new ArrayList<>(enactedForced);
        forced.add(c.announcedIn());
        return new GrandpaState(
            new AuthoritySet(set.setId() + 1, c.nextAuthorities()), 0, List.of(), forced, asOf);
      }
    }
    return next.equals(pending) ? this : new GrandpaState(set, round, next, enactedForced, asOf);
  }

  /**
   * The state after {@code finalized} became final: standard changes on its chain whose effective
   * block it reaches are enacted, lowest first (each starts a new set at round 0); changes of
   * abandoned forks are dropped.
   */
  public GrandpaState finalized(BlockRef finalized, Ancestry ancestry) {
    AuthoritySet current = set;
    long currentRound = round;
    List<PendingChange> kept = new ArrayList<>();
    List<PendingChange> enact = new ArrayList<>();
    for (PendingChange c : pending) {
      boolean onChain =
          c.announcedIn().number() <= finalized.number()
              ? ancestry.isAncestorOrSelf(c.announcedIn(), finalized)
              : ancestry.isAncestorOrSelf(finalized, c.announcedIn());
      if (!onChain) {
        continue;
      }
      if (c.effectiveNumber() > finalized.number()) {
        kept.add(c);
      } else if (!c.forced()) {
        enact.add(c);
      } // a forced change below the finalized block was enacted when its block was imported
    }
    enact.sort(Comparator.comparingLong(PendingChange::effectiveNumber));
    for (PendingChange c : enact) {
      current = new AuthoritySet(current.setId() + 1, c.nextAuthorities());
      currentRound = 0;
    }
    List<BlockRef> forced =
        enactedForced.stream().filter(b -> b.number() > finalized.number()).toList();
    return new GrandpaState(current, currentRound, kept, forced, finalized);
  }

  /**
   * The highest block the current set may finalize on the chain of {@code head}: the effective
   * block of the first standard change announced on that chain, if any.
   */
  public Optional<Long> votingLimit(BlockRef head, Ancestry ancestry) {
    Optional<Long> limit = Optional.empty();
    for (PendingChange c : pending) {
      if (!c.forced()
          && c.announcedIn().number() <= head.number()
          && ancestry.isAncestorOrSelf(c.announcedIn(), head)
          && (limit.isEmpty() || c.effectiveNumber() < limit.get())) {
        limit = Optional.of(c.effectiveNumber());
      }
    }
    return limit;
  }

  static final ScaleCodec<AuthoritySet> SET_CODEC =
      ScaleCodec.of(
          "AuthoritySet",
          (w, s) -> w.writeU64(s.setId()).writeVec(s.authorities(), Authority.CODEC),
          r -> new AuthoritySet(r.readI64(), r.readVec(Authority.CODEC)));

  /** The persisted form (aux record {@code FRNK:state}). */
  public static final ScaleCodec<GrandpaState> CODEC =
      ScaleCodec.of(
          "GrandpaState",
          (w, s) -> {
            SET_CODEC.encode(w, s.set);
            w.writeU64(s.round)
                .writeVec(s.pending, PendingChange.CODEC)
                .writeVec(s.enactedForced, PendingChange.BLOCK_REF_CODEC);
            PendingChange.BLOCK_REF_CODEC.encode(w, s.asOf);
          },
          r ->
              new GrandpaState(
                  SET_CODEC.decode(r),
                  r.readI64(),
                  r.readVec(PendingChange.CODEC),
                  r.readVec(PendingChange.BLOCK_REF_CODEC),
                  PendingChange.BLOCK_REF_CODEC.decode(r)));
}
