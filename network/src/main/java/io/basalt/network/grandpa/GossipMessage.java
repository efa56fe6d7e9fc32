/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.grandpa;

import io.basalt.network.codec.Decoding;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleWriter;

/**
 * A GRANDPA gossip notification: SCALE enum {@code Vote = 0 | Commit = 1 | Neighbor = 2 |
 * CatchUpRequest = 3 | CatchUp = 4}. Rounds and set ids are u64.
 */
public sealed interface GossipMessage
    permits VoteMessage, CommitMessage, NeighborPacket, CatchUpRequest, CatchUpMessage {

  /** The SCALE encoding, variant byte first. */
  default byte[] encode() {
    ScaleWriter w = new ScaleWriter();
    GrandpaCodecs.writeGossip(w, this);
    return w.toByteArray();
  }

  /**
   * Decodes a gossip notification; trailing bytes are refused.
   *
   * @throws FrameException if the bytes are not a gossip message
   */
  static GossipMessage decode(byte[] bytes) {
    return Decoding.scale(bytes, "GRANDPA GossipMessage", GrandpaCodecs::readGossip);
  }

  /**
   * The bytes a voter signs: SCALE {@code (Message, round u64, set_id u64)}, the message being
   * {@code kind u8 ‖ hash ‖ number u32} (53 bytes in all).
   */
  static byte[] signingPayload(
      VoteKind kind, Hash256 targetHash, long targetNumber, long round, long setId) {
    GrandpaCodecs.checkU32(targetNumber);
    return new ScaleWriter(53)
        .writeU8(kind.index())
        .writeHash(targetHash)
        .writeU32(targetNumber)
        .writeU64(round)
        .writeU64(setId)
        .toByteArray();
  }
}
