/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.grandpa;

import io.basalt.network.grandpa.SignedMessage;
import io.basalt.network.grandpa.VoteKind;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Header;
import io.basalt.storage.block.BlockRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The votes of one GRANDPA round of one set, as the networked voter collects them: the first
 * prevote and the first precommit of each voter of the set (a second, different one is an
 * equivocation and is ignored), and whether the local voters have cast theirs.
 *
 * <p>The "ghost" of a vote kind is the highest block that voters holding the set's supermajority
 * voted for, counting a vote for a block as a vote for each of its ancestors down to the base (the
 * finalized block). Votes for blocks not known yet, or not on top of the base, count once their
 * chain is known.
 */
final class VotingRound {
  private final long number;
  private final AuthoritySet set;
  private final long startedNanos;
  private final Map<Bytes, SignedMessage> prevotes = new LinkedHashMap<>();
  private final Map<Bytes, SignedMessage> precommits = new LinkedHashMap<>();
  private boolean prevoted;
  private boolean precommitted;

  VotingRound(long number, AuthoritySet set, long startedNanos) {
    this.number = number;
    this.set = set;
    this.startedNanos = startedNanos;
  }

  long number() {
    return number;
  }

  AuthoritySet set() {
    return set;
  }

  long startedNanos() {
    return startedNanos;
  }

  boolean prevoted() {
    return prevoted;
  }

  void markPrevoted() {
    prevoted = true;
  }

  boolean precommitted() {
    return precommitted;
  }

  void markPrecommitted() {
    precommitted = true;
  }

  /** Whether anyone prevoted in this round yet. */
  boolean hasPrevotes() {
    return !prevotes.isEmpty();
  }

  /**
   * Records a vote of a voter of the set (the signature is checked by the caller).
   *
   * @return true if it is new; false for a repeat, an equivocation, a primary proposal or a vote of
   *     someone outside the set
   */
  boolean add(SignedMessage vote) {
    if (set.find(vote.id()).isEmpty()) {
      return false;
    }
    Map<Bytes, SignedMessage> votes =
        switch (vote.kind()) {
          case PREVOTE -> prevotes;
          case PRECOMMIT -> precommits;
          case PRIMARY_PROPOSE -> null;
        };
    if (votes == null) {
      return false;
    }
    return votes.putIfAbsent(vote.id(), vote) == null;
  }

  /** The signed votes of one kind, in arrival order. */
  List<SignedMessage> votes(VoteKind kind) {
    return List.copyOf(kind == VoteKind.PREVOTE ? prevotes.values() : precommits.values());
  }

  /**
   * The ghost of the prevotes, if voters holding a supermajority prevoted on top of {@code base}.
   */
  Optional<BlockRef> prevoteGhost(BlockRef base, Function<Hash256, Optional<Header>> headers) {
    return ghost(prevotes.values(), base, headers);
  }

  /** The ghost of the precommits: the block this round finalizes, if any. */
  Optional<BlockRef> precommitGhost(BlockRef base, Function<Hash256, Optional<Header>> headers) {
    return ghost(precommits.values(), base, headers);
  }

  /** The precommits for {@code target} or one of its descendants. */
  List<SignedMessage> precommitsFor(BlockRef target, Function<Hash256, Optional<Header>> headers) {
    List<SignedMessage> found = new ArrayList<>();
    for (SignedMessage vote : precommits.values()) {
      if (chainDown(vote, target, headers).isPresent()) {
        found.add(vote);
      }
    }
    return found;
  }

  private Optional<BlockRef> ghost(
      Collection<SignedMessage> votes, BlockRef base, Function<Hash256, Optional<Header>> headers) {
    Map<Hash256, Long> weights = new HashMap<>();
    Map<Hash256, Long> numbers = new HashMap<>();
    for (SignedMessage vote : votes) {
      Optional<List<BlockRef>> chain = chainDown(vote, base, headers);
      if (chain.isEmpty()) {
        continue;
      }
      long weight = set.find(vote.id()).map(Authority::weight).orElse(0L);
      for (BlockRef block : chain.get()) {
        weights.merge(block.hash(), weight, Long::sum);
        numbers.put(block.hash(), block.number());
      }
    }
    Optional<BlockRef> best = Optional.empty();
    for (Map.Entry<Hash256, Long> entry : weights.entrySet()) {
      long n = numbers.get(entry.getKey());
      if (entry.getValue() >= set.threshold() && (best.isEmpty() || n > best.get().number())) {
        best = Optional.of(new BlockRef(entry.getKey(), n));
      }
    }
    return best;
  }

  /**
   * The blocks from the vote's target down to {@code base}, both included; empty if the target is
   * below the base, unknown, or not a descendant of it.
   */
  private static Optional<List<BlockRef>> chainDown(
      SignedMessage vote, BlockRef base, Function<Hash256, Optional<Header>> headers) {
    List<BlockRef> chain = new ArrayList<>();
    Hash256 hash = vote.targetHash();
    long number = vote.targetNumber();
    while (number > base.number()) {
      Optional<Header> header = headers.apply(hash);
      if (header.isEmpty() || header.get().number() != number) {
        return Optional.empty();
      }
      chain.add(new BlockRef(hash, number));
      hash = header.get().parentHash();
      number--;
    }
    if (number != base.number() || !hash.equals(base.hash())) {
      return Optional.empty();
    }
    chain.add(base);
    return Optional.of(chain);
  }
}
