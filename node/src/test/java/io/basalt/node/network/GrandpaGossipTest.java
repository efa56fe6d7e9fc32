/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.network.grandpa.AuthoritySignature;
import io.basalt.network.grandpa.CommitMessage;
import io.basalt.network.grandpa.CompactCommit;
import io.basalt.network.grandpa.GossipMessage;
import io.basalt.network.grandpa.Precommit;
import io.basalt.network.grandpa.SignedMessage;
import io.basalt.network.grandpa.VoteKind;
import io.basalt.network.grandpa.VoteMessage;
import io.basalt.node.consensus.grandpa.Authority;
import io.basalt.node.consensus.grandpa.AuthoritySet;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.ed25519.Ed25519KeyPair;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gossip's cheap checks of votes and commits before the voter sees them. */
class GrandpaGossipTest {
  private static final Ed25519KeyPair VOTER = key(1);
  private static final Ed25519KeyPair OUTSIDER = key(2);
  private static final AuthoritySet SET =
      new AuthoritySet(3, List.of(new Authority(VOTER.publicKey(), 1)));
  private static final Hash256 BLOCK = Hash256.fromHex("0x" + "ab".repeat(32));

  @Test
  void aVoteOfTheSetNearOurRoundIsAccepted() {
    assertThat(GrandpaGossip.checkVote(SET, 10, vote(VOTER, 10, 3))).isEqualTo(ok());
    assertThat(GrandpaGossip.checkVote(SET, 10, vote(VOTER, 9, 3))).isEqualTo(ok());
    assertThat(GrandpaGossip.checkVote(SET, 10, vote(VOTER, 26, 3))).isEqualTo(ok());
  }

  @Test
  void otherSetsAndFarRoundsAreDroppedWithoutCost() {
    assertDropped(GrandpaGossip.checkVote(SET, 10, vote(VOTER, 10, 4)), false);
    assertDropped(GrandpaGossip.checkVote(SET, 10, vote(VOTER, 8, 3)), false);
    assertDropped(GrandpaGossip.checkVote(SET, 10, vote(VOTER, 27, 3)), false);
  }

  @Test
  void outsidersAndBadSignaturesAreGarbage() {
    assertDropped(GrandpaGossip.checkVote(SET, 10, vote(OUTSIDER, 10, 3)), true);
    VoteMessage good = vote(VOTER, 10, 3);
    byte[] sig = good.message().signature().toArray();
    sig[5] ^= 1;
    VoteMessage forged =
        new VoteMessage(
            10,
            3,
            new SignedMessage(VoteKind.PREVOTE, BLOCK, 7, Bytes.wrap(sig), good.message().id()));
    assertDropped(GrandpaGossip.checkVote(SET, 10, forged), true);
    VoteMessage replayedInAnotherRound = new VoteMessage(11, 3, good.message());
    assertDropped(GrandpaGossip.checkVote(SET, 10, replayedInAnotherRound), true);
  }

  @Test
  void commitsNeedOurSetOneSignaturePerPrecommitAndVotersOnly() {
    Precommit precommit = new Precommit(BLOCK, 7);
    AuthoritySignature byVoter =
        new AuthoritySignature(Bytes.wrap(new byte[64]), VOTER.publicKey());
    AuthoritySignature byOutsider =
        new AuthoritySignature(Bytes.wrap(new byte[64]), OUTSIDER.publicKey());
    assertThat(GrandpaGossip.checkCommit(SET, commit(3, List.of(precommit), List.of(byVoter))))
        .isEqualTo(ok());
    assertDropped(
        GrandpaGossip.checkCommit(SET, commit(2, List.of(precommit), List.of(byVoter))), false);
    assertDropped(GrandpaGossip.checkCommit(SET, commit(3, List.of(precommit), List.of())), true);
    assertDropped(
        GrandpaGossip.checkCommit(SET, commit(3, List.of(precommit), List.of(byOutsider))), true);
  }

  private static GrandpaGossip.Check ok() {
    return GrandpaGossip.Check.ACCEPTED;
  }

  private static void assertDropped(GrandpaGossip.Check check, boolean costly) {
    assertThat(check.problem()).isPresent();
    assertThat(check.costly()).as(check.problem().get()).isEqualTo(costly);
  }

  private static CommitMessage commit(
      long setId, List<Precommit> precommits, List<AuthoritySignature> auth) {
    return new CommitMessage(10, setId, new CompactCommit(BLOCK, 7, precommits, auth));
  }

  private static VoteMessage vote(Ed25519KeyPair key, long round, long setId) {
    byte[] payload = GossipMessage.signingPayload(VoteKind.PREVOTE, BLOCK, 7, round, setId);
    return new VoteMessage(
        round,
        setId,
        new SignedMessage(
            VoteKind.PREVOTE, BLOCK, 7, Bytes.wrap(key.sign(payload)), key.publicKey()));
  }

  private static Ed25519KeyPair key(int seed) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) seed);
    return Ed25519KeyPair.fromSeed(bytes);
  }
}
