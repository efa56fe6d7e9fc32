/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.grandpa;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import java.util.List;

/** The SCALE layouts of the GRANDPA types. */
final class GrandpaCodecs {
  static final int SIGNATURE_LENGTH = 64;
  static final int ID_LENGTH = 32;

  private static final ScaleCodec<Precommit> PRECOMMIT =
      ScaleCodec.of(
          "Precommit",
          (w, p) -> w.writeHash(p.targetHash()).writeU32(p.targetNumber()),
          r -> new Precommit(r.readHash256(), r.readU32AsLong()));

  private static final ScaleCodec<AuthoritySignature> AUTH =
      ScaleCodec.of(
          "(AuthoritySignature, AuthorityId)",
          (w, a) -> w.writeRaw(a.signature()).writeRaw(a.id()),
          r -> new AuthoritySignature(r.readFixed(SIGNATURE_LENGTH), r.readFixed(ID_LENGTH)));

  private static final ScaleCodec<SignedVote> SIGNED_VOTE =
      ScaleCodec.of(
          "SignedVote",
          (w, v) ->
              w.writeHash(v.targetHash())
                  .writeU32(v.targetNumber())
                  .writeRaw(v.signature())
                  .writeRaw(v.id()),
          r ->
              new SignedVote(
                  r.readHash256(),
                  r.readU32AsLong(),
                  r.readFixed(SIGNATURE_LENGTH),
                  r.readFixed(ID_LENGTH)));

  private static final ScaleCodec<List<Precommit>> PRECOMMITS = ScaleCodec.vec(PRECOMMIT);
  private static final ScaleCodec<List<AuthoritySignature>> AUTH_DATA = ScaleCodec.vec(AUTH);
  private static final ScaleCodec<List<SignedVote>> SIGNED_VOTES = ScaleCodec.vec(SIGNED_VOTE);

  private static final int NEIGHBOR_V1 = 1;

  private GrandpaCodecs() {}

  static void checkU32(long number) {
    if (number < 0 || number > 0xffff_ffffL) {
      throw new IllegalArgumentException("block number is not a u32: " + number);
    }
  }

  static void checkSignature(Bytes signature) {
    if (signature.length() != SIGNATURE_LENGTH) {
      throw new IllegalArgumentException(
          "a signature has " + SIGNATURE_LENGTH + " bytes, not " + signature.length());
    }
  }

  static void checkId(Bytes id) {
    if (id.length() != ID_LENGTH) {
      throw new IllegalArgumentException(
          "an authority id has " + ID_LENGTH + " bytes, not " + id.length());
    }
  }

  static void writeGossip(ScaleWriter w, GossipMessage message) {
    switch (message) {
      case VoteMessage v -> {
        w.writeU8(0).writeU64(v.round()).writeU64(v.setId());
        SignedMessage m = v.message();
        w.writeU8(m.kind().index())
            .writeHash(m.targetHash())
            .writeU32(m.targetNumber())
            .writeRaw(m.signature())
            .writeRaw(m.id());
      }
      case CommitMessage c -> {
        w.writeU8(1).writeU64(c.round()).writeU64(c.setId());
        CompactCommit commit = c.commit();
        w.writeHash(commit.targetHash()).writeU32(commit.targetNumber());
        PRECOMMITS.encode(w, commit.precommits());
        AUTH_DATA.encode(w, commit.authData());
      }
      case NeighborPacket n ->
          w.writeU8(2)
              .writeU8(NEIGHBOR_V1)
              .writeU64(n.round())
              .writeU64(n.setId())
              .writeU32(n.commitFinalizedHeight());
      case CatchUpRequest q -> w.writeU8(3).writeU64(q.round()).writeU64(q.setId());
      case CatchUpMessage c -> {
        w.writeU8(4).writeU64(c.setId());
        CatchUp catchUp = c.catchUp();
        w.writeU64(catchUp.round());
        SIGNED_VOTES.encode(w, catchUp.prevotes());
        SIGNED_VOTES.encode(w, catchUp.precommits());
        w.writeHash(catchUp.baseHash()).writeU32(catchUp.baseNumber());
      }
    }
  }

  static GossipMessage readGossip(ScaleReader r) {
    return switch (r.readVariant("GossipMessage", 5)) {
      case 0 -> new VoteMessage(r.readI64(), r.readI64(), readSignedMessage(r));
      case 1 -> {
        long round = r.readI64();
        long setId = r.readI64();
        var commit =
            new CompactCommit(
                r.readHash256(), r.readU32AsLong(), PRECOMMITS.decode(r), AUTH_DATA.decode(r));
        yield new CommitMessage(round, setId, commit);
      }
      case 2 -> {
        int at = r.position();
        int version = r.readU8();
        if (version != NEIGHBOR_V1) {
          throw new ScaleDecodingException(
              at, "VersionedNeighborPacket", "unknown version " + version);
        }
        yield new NeighborPacket(r.readI64(), r.readI64(), r.readU32AsLong());
      }
      case 3 -> new CatchUpRequest(r.readI64(), r.readI64());
      default -> {
        long setId = r.readI64();
        var catchUp =
            new CatchUp(
                r.readI64(),
                SIGNED_VOTES.decode(r),
                SIGNED_VOTES.decode(r),
                r.readHash256(),
                r.readU32AsLong());
        yield new CatchUpMessage(setId, catchUp);
      }
    };
  }

  private static SignedMessage readSignedMessage(ScaleReader r) {
    int at = r.position();
    int index = r.readVariant("finality_grandpa::Message", 3);
    VoteKind kind =
        VoteKind.ofIndex(index)
            .orElseThrow(() -> new ScaleDecodingException(at, "Message", "variant " + index));
    return new SignedMessage(
        kind,
        r.readHash256(),
        r.readU32AsLong(),
        r.readFixed(SIGNATURE_LENGTH),
        r.readFixed(ID_LENGTH));
  }
}
