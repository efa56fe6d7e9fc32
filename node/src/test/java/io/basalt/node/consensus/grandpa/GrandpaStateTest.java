/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.grandpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.hash.Hashing;
import io.basalt.storage.block.BlockRef;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Authority set changes on a tree of blocks: a main chain #0..#8 and a fork leaving it after #1
 * (a2..a6).
 */
class GrandpaStateTest {
  private static final List<Authority> GENESIS_SET = List.of(authority(1));
  private static final List<Authority> NEXT = List.of(authority(2), authority(3));

  private final Map<BlockRef, BlockRef> parents = new HashMap<>();
  private final BlockRef[] main = new BlockRef[9];
  private final BlockRef[] fork = new BlockRef[7];
  private final GrandpaState.Ancestry ancestry = this::isAncestorOrSelf;

  GrandpaStateTest() {
    main[0] = block("m", 0);
    for (int n = 1; n < main.length; n++) {
      main[n] = block("m", n);
      parents.put(main[n], main[n - 1]);
    }
    fork[1] = main[1];
    for (int n = 2; n < fork.length; n++) {
      fork[n] = block("a", n);
      parents.put(fork[n], fork[n - 1]);
    }
  }

  @Test
  void aStandardChangeWaitsForItsEffectiveBlockToBeFinalized() {
    GrandpaState s = initial().imported(main[2], List.of(scheduled(3)), ancestry);
    assertThat(s.pending()).containsExactly(new PendingChange(main[2], NEXT, 3, false));
    assertThat(s.votingLimit(main[8], ancestry)).contains(5L);
    assertThat(s.votingLimit(fork[6], ancestry)).isEmpty();

    GrandpaState at4 = s.withRound(9).finalized(main[4], ancestry);
    assertThat(at4.set().setId()).isZero();
    assertThat(at4.round()).isEqualTo(9);
    assertThat(at4.pending()).hasSize(1);

    GrandpaState at5 = at4.finalized(main[5], ancestry);
    assertThat(at5.set()).isEqualTo(new AuthoritySet(1, NEXT));
    assertThat(at5.round()).isZero();
    assertThat(at5.pending()).isEmpty();
    assertThat(at5.asOf()).isEqualTo(main[5]);
  }

  @Test
  void finalityOnAnotherForkDropsTheChange() {
    GrandpaState s = initial().imported(fork[3], List.of(scheduled(0)), ancestry);
    assertThat(s.votingLimit(fork[6], ancestry)).contains(3L);
    assertThat(s.votingLimit(main[8], ancestry)).isEmpty();
    GrandpaState finalized = s.finalized(main[4], ancestry);
    assertThat(finalized.set().setId()).isZero();
    assertThat(finalized.pending()).isEmpty();
  }

  @Test
  void aChangeAboveTheFinalizedBlockOnItsChainIsKept() {
    GrandpaState s =
        initial().imported(main[6], List.of(scheduled(1)), ancestry).finalized(main[3], ancestry);
    assertThat(s.pending()).hasSize(1);
    assertThat(s.finalized(main[8], ancestry).set().setId()).isEqualTo(1);
  }

  @Test
  void twoChangesOnOneChainAreEnactedInOrder() {
    List<Authority> third = List.of(authority(4));
    GrandpaState s =
        initial()
            .imported(main[1], List.of(scheduled(1)), ancestry)
            .imported(main[3], List.of(new ConsensusLog.ScheduledChange(third, 2)), ancestry);
    assertThat(s.votingLimit(main[8], ancestry)).contains(2L);
    GrandpaState all = s.finalized(main[6], ancestry);
    assertThat(all.set()).isEqualTo(new AuthoritySet(2, third));
  }

  @Test
  void aForcedChangeIsEnactedOnImportOfItsEffectiveBlockOnItsFork() {
    ConsensusLog forced =
        new ConsensusLog.ForcedChange(0, new ConsensusLog.ScheduledChange(NEXT, 2));
    GrandpaState s =
        initial()
            .imported(main[4], List.of(scheduled(10)), ancestry)
            .imported(fork[2], List.of(forced), ancestry);
    // #4 on the main chain is not on the fork: nothing happens there
    assertThat(s.imported(main[4], List.of(), ancestry).set().setId()).isZero();
    GrandpaState enacted = s.imported(fork[4], List.of(), ancestry);
    assertThat(enacted.set()).isEqualTo(new AuthoritySet(1, NEXT));
    assertThat(enacted.pending()).isEmpty();
    assertThat(enacted.enactedForced()).containsExactly(fork[2]);
    // seeing the blocks again (a restart replaying them) does not enact it twice
    GrandpaState replayed =
        enacted.imported(fork[2], List.of(forced), ancestry).imported(fork[4], List.of(), ancestry);
    assertThat(replayed.set().setId()).isEqualTo(1);
    assertThat(replayed.pending()).isEmpty();
    assertThat(enacted.finalized(fork[5], ancestry).enactedForced()).isEmpty();
    // a forced change whose block was finalized is gone, enacted or not
    GrandpaState unseen = initial().imported(main[2], List.of(forced), ancestry);
    assertThat(unseen.finalized(main[5], ancestry).pending()).isEmpty();
    assertThat(unseen.finalized(main[5], ancestry).set().setId()).isZero();
  }

  @Test
  void otherLogsChangeNothing() {
    GrandpaState s = initial();
    assertThat(
            s.imported(
                main[1],
                List.of(
                    new ConsensusLog.Pause(3),
                    new ConsensusLog.Resume(4),
                    new ConsensusLog.OnDisabled(0)),
                ancestry))
        .isSameAs(s);
  }

  private GrandpaState initial() {
    return GrandpaState.initial(new AuthoritySet(0, GENESIS_SET), main[0]);
  }

  private static ConsensusLog scheduled(long delay) {
    return new ConsensusLog.ScheduledChange(NEXT, delay);
  }

  private boolean isAncestorOrSelf(BlockRef ancestor, BlockRef block) {
    Optional<BlockRef> b = Optional.of(block);
    while (b.isPresent() && b.get().number() >= ancestor.number()) {
      if (b.get().equals(ancestor)) {
        return true;
      }
      b = Optional.ofNullable(parents.get(b.get()));
    }
    return false;
  }

  private static BlockRef block(String fork, int n) {
    return new BlockRef(
        io.basalt.primitives.bytes.Hash256.wrap(
            Hashing.blake2b256((fork + n).getBytes(StandardCharsets.US_ASCII))),
        n);
  }

  private static Authority authority(int i) {
    byte[] id = new byte[32];
    id[31] = (byte) i;
    return new Authority(Bytes.wrap(id), 1);
  }
}
