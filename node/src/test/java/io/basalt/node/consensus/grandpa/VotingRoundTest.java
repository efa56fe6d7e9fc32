/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.grandpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.network.grandpa.SignedMessage;
import io.basalt.network.grandpa.VoteKind;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.Header;
import io.basalt.storage.block.BlockRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The networked voter's round: votes counted once per voter of the set, and the ghost, the highest
 * block a supermajority voted for or above, on a chain {@code g - a1 - a2 - a3} with a fork {@code
 * a1 - b2}.
 */
class VotingRoundTest {
  private static final List<String> VOTERS = List.of("Alice", "Bob", "Charlie", "Dave");
  private static final AuthoritySet SET =
      new AuthoritySet(
          0, VOTERS.stream().map(v -> new Authority(GrandpaKeys.publicKey(v), 1)).toList());

  private final Header genesis = header(Hash256.ZERO, 0, 0);
  private final Header a1 = header(genesis.hash(), 1, 0);
  private final Header a2 = header(a1.hash(), 2, 0);
  private final Header a3 = header(a2.hash(), 3, 0);
  private final Header b2 = header(a1.hash(), 2, 1);
  private final Map<Hash256, Header> known = new HashMap<>();

  VotingRoundTest() {
    for (Header h : List.of(genesis, a1, a2, a3, b2)) {
      known.put(h.hash(), h);
    }
  }

  @Test
  void theGhostIsTheHighestBlockWithASupermajorityAtOrAboveIt() {
    VotingRound round = new VotingRound(1, SET, 0);
    assertThat(SET.threshold()).isEqualTo(3);
    round.add(vote(VoteKind.PREVOTE, "Alice", a3));
    round.add(vote(VoteKind.PREVOTE, "Bob", a2));
    assertThat(round.prevoteGhost(ref(genesis), this::lookup)).isEmpty();

    round.add(vote(VoteKind.PREVOTE, "Charlie", b2));
    assertThat(round.prevoteGhost(ref(genesis), this::lookup)).contains(ref(a1));

    round.add(vote(VoteKind.PREVOTE, "Dave", a3));
    assertThat(round.prevoteGhost(ref(genesis), this::lookup)).contains(ref(a2));
    assertThat(round.precommitGhost(ref(genesis), this::lookup)).isEmpty();
  }

  @Test
  void aVoterCountsOnceAndOutsidersNotAtAll() {
    VotingRound round = new VotingRound(1, SET, 0);
    assertThat(round.add(vote(VoteKind.PRECOMMIT, "Alice", a2))).isTrue();
    assertThat(round.add(vote(VoteKind.PRECOMMIT, "Alice", a2))).isFalse();
    assertThat(round.add(vote(VoteKind.PRECOMMIT, "Alice", b2))).as("equivocation").isFalse();
    assertThat(round.add(vote(VoteKind.PRECOMMIT, "Eve", a2))).isFalse();
    assertThat(round.add(vote(VoteKind.PRIMARY_PROPOSE, "Bob", a2))).isFalse();
    assertThat(round.add(vote(VoteKind.PRECOMMIT, "Bob", a3))).isTrue();
    assertThat(round.precommitGhost(ref(genesis), this::lookup)).isEmpty();

    assertThat(round.add(vote(VoteKind.PRECOMMIT, "Charlie", a2))).isTrue();
    assertThat(round.precommitGhost(ref(genesis), this::lookup)).contains(ref(a2));
    assertThat(round.precommitsFor(ref(a2), this::lookup)).hasSize(3);
    assertThat(round.precommitsFor(ref(a3), this::lookup)).hasSize(1);
    assertThat(round.votes(VoteKind.PRECOMMIT)).hasSize(3);
    assertThat(round.votes(VoteKind.PREVOTE)).isEmpty();
  }

  @Test
  void votesForUnknownBlocksOrBelowTheBaseCountOnlyOnceTheirChainIsKnown() {
    VotingRound round = new VotingRound(1, SET, 0);
    Header unknown = header(a3.hash(), 4, 0);
    round.add(vote(VoteKind.PREVOTE, "Alice", unknown));
    round.add(vote(VoteKind.PREVOTE, "Bob", a3));
    round.add(vote(VoteKind.PREVOTE, "Charlie", a3));
    assertThat(round.prevoteGhost(ref(genesis), this::lookup)).isEmpty();
    assertThat(round.prevoteGhost(ref(a3), this::lookup)).isEmpty();

    known.put(unknown.hash(), unknown);
    assertThat(round.prevoteGhost(ref(genesis), this::lookup)).contains(ref(a3));
    assertThat(round.prevoteGhost(ref(b2), this::lookup))
        .as("no vote is on top of another fork's block")
        .isEmpty();
  }

  private Optional<Header> lookup(Hash256 hash) {
    return Optional.ofNullable(known.get(hash));
  }

  private static SignedMessage vote(VoteKind kind, String who, Header block) {
    return new SignedMessage(
        kind,
        block.hash(),
        block.number(),
        Bytes.wrap(new byte[64]),
        who.equals("Eve") ? Bytes.wrap(new byte[32]) : GrandpaKeys.publicKey(who));
  }

  private static BlockRef ref(Header h) {
    return new BlockRef(h.hash(), h.number());
  }

  private static Header header(Hash256 parent, long number, int fork) {
    return new Header(
        parent,
        number,
        Hash256.ZERO,
        Hash256.ZERO,
        List.of(new DigestItem.Other(Bytes.of((byte) fork))));
  }
}
