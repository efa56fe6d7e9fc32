/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.grandpa;

import static io.basalt.network.codec.TestData.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.network.codec.DecoderFuzz;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.ed25519.Ed25519;
import io.basalt.primitives.crypto.ed25519.Ed25519KeyPair;
import io.basalt.testsupport.RandomCases;
import java.util.List;
import org.junit.jupiter.api.Test;

class GossipMessageTest {
  private static final Bytes SIG = Bytes.wrap(new byte[64]);
  private static final Bytes ID = Bytes.wrap(new byte[32]);

  private static String bare(io.basalt.primitives.bytes.Hash256 h) {
    return h.toHex().substring(2);
  }

  @Test
  void signingPayloadIsMessageRoundSetId() {
    byte[] payload = GossipMessage.signingPayload(VoteKind.PRECOMMIT, hash(0x10), 10, 2, 3);

    assertThat(Hex.encode(payload))
        .isEqualTo(
            "0x01" + bare(hash(0x10)) + "0a000000" + "0200000000000000" + "0300000000000000");
  }

  @Test
  void aVoteSignedOverThePayloadVerifies() {
    Ed25519KeyPair key = Ed25519KeyPair.fromSeed(new byte[32]);
    byte[] payload = GossipMessage.signingPayload(VoteKind.PREVOTE, hash(1), 7, 1, 0);
    var vote =
        new VoteMessage(
            1,
            0,
            new SignedMessage(
                VoteKind.PREVOTE, hash(1), 7, Bytes.wrap(key.sign(payload)), key.publicKey()));

    var decoded = (VoteMessage) GossipMessage.decode(vote.encode());
    SignedMessage m = decoded.message();

    assertThat(
            Ed25519.verify(
                m.signature().toArray(),
                GossipMessage.signingPayload(
                    m.kind(), m.targetHash(), m.targetNumber(), decoded.round(), decoded.setId()),
                m.id().toArray()))
        .isTrue();
  }

  @Test
  void voteKnownAnswer() {
    var vote = new VoteMessage(5, 1, new SignedMessage(VoteKind.PRECOMMIT, hash(2), 9, SIG, ID));

    assertThat(Hex.encode(vote.encode()))
        .isEqualTo(
            "0x00"
                + "0500000000000000"
                + "0100000000000000"
                + "01"
                + bare(hash(2))
                + "09000000"
                + "00".repeat(96));
  }

  @Test
  void neighborPacketIsVersionedV1() {
    var neighbor = new NeighborPacket(5, 1, 0x100);
    String expected = "0x02" + "01" + "0500000000000000" + "0100000000000000" + "00010000";

    assertThat(Hex.encode(neighbor.encode())).isEqualTo(expected);
    assertThat(GossipMessage.decode(Hex.decode(expected))).isEqualTo(neighbor);
    assertThatThrownBy(() -> GossipMessage.decode(Hex.decode("0x0200" + expected.substring(6))))
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("version");
  }

  @Test
  void everyVariantRoundTrips() {
    var commit =
        new CommitMessage(
            3,
            2,
            new CompactCommit(
                hash(4),
                40,
                List.of(new Precommit(hash(4), 40), new Precommit(hash(5), 41)),
                List.of(new AuthoritySignature(SIG, ID), new AuthoritySignature(SIG, ID))));
    var catchUp =
        new CatchUpMessage(
            2,
            new CatchUp(
                8,
                List.of(new SignedVote(hash(6), 60, SIG, ID)),
                List.of(new SignedVote(hash(7), 61, SIG, ID), new SignedVote(hash(7), 61, SIG, ID)),
                hash(1),
                50));
    List<GossipMessage> all =
        List.of(
            new VoteMessage(1, 1, new SignedMessage(VoteKind.PRIMARY_PROPOSE, hash(1), 1, SIG, ID)),
            commit,
            new NeighborPacket(1, 2, 3),
            new CatchUpRequest(9, 2),
            catchUp);

    for (GossipMessage message : all) {
      assertThat(GossipMessage.decode(message.encode())).isEqualTo(message);
    }
    assertThat(new CatchUpRequest(9, 2).encode()).hasSize(17);
    assertThat(commit.encode()).hasSize(1 + 16 + 36 + 1 + 2 * 36 + 1 + 2 * 96);
  }

  @Test
  void unknownVariantsAreRefused() {
    assertThatThrownBy(() -> GossipMessage.decode(Hex.decode("0x05")))
        .isInstanceOf(FrameException.class)
        .hasMessageStartingWith("malformed GRANDPA GossipMessage");
    byte[] vote =
        new VoteMessage(5, 1, new SignedMessage(VoteKind.PREVOTE, hash(2), 9, SIG, ID)).encode();
    vote[17] = 3;
    assertThatThrownBy(() -> GossipMessage.decode(vote)).isInstanceOf(FrameException.class);
  }

  @Test
  void fuzz() {
    List<byte[]> valid =
        List.of(
            new VoteMessage(1, 1, new SignedMessage(VoteKind.PREVOTE, hash(1), 1, SIG, ID))
                .encode(),
            new CommitMessage(
                    1,
                    1,
                    new CompactCommit(
                        hash(1),
                        1,
                        List.of(new Precommit(hash(1), 1)),
                        List.of(new AuthoritySignature(SIG, ID))))
                .encode(),
            new NeighborPacket(1, 1, 1).encode(),
            new CatchUpRequest(1, 1).encode(),
            new CatchUpMessage(
                    1,
                    new CatchUp(
                        1, List.of(new SignedVote(hash(1), 1, SIG, ID)), List.of(), hash(2), 0))
                .encode());
    DecoderFuzz.run(RandomCases.seed(), 2000, valid, GossipMessage::decode);
  }
}
