/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.grandpa;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Header;
import java.util.List;

/**
 * The proof that a block is final: the commit of a GRANDPA round, a supermajority of signed
 * precommits for the target or its descendants, with the headers that link those descendants to the
 * target ({@code sc_consensus_grandpa::GrandpaJustification}, stored under engine {@code FRNK}).
 * Block numbers are u32.
 *
 * <pre>{@code
 * GrandpaJustification j = GrandpaJustification.CODEC.decode(justification.encoded());
 * byte[] signed = GrandpaJustification.signedPayload(j.commit().precommits().get(0).precommit(),
 *     j.round(), setId);
 * }</pre>
 *
 * @param round the round that finalized the target
 * @param commit the target and the precommits
 * @param votesAncestries headers between the target and the precommitted descendants
 */
public record GrandpaJustification(long round, Commit commit, List<Header> votesAncestries) {
  /** A vote for a block: the block's hash and number. */
  public record Precommit(Hash256 targetHash, long targetNumber) {}

  /**
   * A precommit with its voter's ed25519 signature of {@link #signedPayload}.
   *
   * @param signature 64 bytes
   * @param id the voter's 32-byte public key
   */
  public record SignedPrecommit(Precommit precommit, Bytes signature, Bytes id) {}

  /** The round's result: the finalized block and the precommits that justify it. */
  public record Commit(Hash256 targetHash, long targetNumber, List<SignedPrecommit> precommits) {
    public Commit {
      precommits = List.copyOf(precommits);
    }
  }

  public GrandpaJustification {
    votesAncestries = List.copyOf(votesAncestries);
  }

  public static final ScaleCodec<Precommit> PRECOMMIT_CODEC =
      ScaleCodec.of(
          "Precommit",
          (w, p) -> w.writeHash(p.targetHash).writeU32(p.targetNumber),
          r -> new Precommit(r.readHash256(), r.readU32AsLong()));

  public static final ScaleCodec<SignedPrecommit> SIGNED_PRECOMMIT_CODEC =
      ScaleCodec.of(
          "SignedPrecommit",
          (w, s) -> {
            PRECOMMIT_CODEC.encode(w, s.precommit);
            w.writeRaw(s.signature).writeRaw(s.id);
          },
          r -> new SignedPrecommit(PRECOMMIT_CODEC.decode(r), r.readFixed(64), r.readFixed(32)));

  public static final ScaleCodec<Commit> COMMIT_CODEC =
      ScaleCodec.of(
          "Commit",
          (w, c) ->
              w.writeHash(c.targetHash)
                  .writeU32(c.targetNumber)
                  .writeVec(c.precommits, SIGNED_PRECOMMIT_CODEC),
          r -> new Commit(r.readHash256(), r.readU32AsLong(), r.readVec(SIGNED_PRECOMMIT_CODEC)));

  public static final ScaleCodec<GrandpaJustification> CODEC =
      ScaleCodec.of(
          "GrandpaJustification",
          (w, j) -> {
            w.writeU64(j.round);
            COMMIT_CODEC.encode(w, j.commit);
            w.writeVec(j.votesAncestries, Header.CODEC);
          },
          r ->
              new GrandpaJustification(
                  r.readI64(), COMMIT_CODEC.decode(r), r.readVec(Header.CODEC)));

  /**
   * What a voter signs for a precommit: the SCALE tuple {@code (Message::Precommit(precommit),
   * round: u64, set_id: u64)}, where {@code Message::Precommit} is variant 1 of finality-grandpa's
   * {@code Message} (0 prevote, 2 primary proposal).
   */
  public static byte[] signedPayload(Precommit precommit, long round, long setId) {
    ScaleWriter w = new ScaleWriter(1 + 32 + 4 + 8 + 8);
    w.writeU8(1);
    PRECOMMIT_CODEC.encode(w, precommit);
    return w.writeU64(round).writeU64(setId).toByteArray();
  }

  /** This justification's SCALE bytes. */
  public Bytes encoded() {
    return Bytes.wrap(CODEC.encode(this));
  }
}
