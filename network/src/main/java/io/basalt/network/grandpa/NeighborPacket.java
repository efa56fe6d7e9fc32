/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.grandpa;

/**
 * Gossip variant 2: the sender's view, sent to neighbors and not repropagated. It is versioned:
 * SCALE {@code 0x01 (V1) ‖ round u64 ‖ set_id u64 ‖ commit_finalized_height u32}.
 *
 * @param round the sender's current round
 * @param setId the sender's authority set id
 * @param commitFinalizedHeight the highest block the sender has seen finalized by a commit
 */
public record NeighborPacket(long round, long setId, long commitFinalizedHeight)
    implements GossipMessage {
  public NeighborPacket {
    GrandpaCodecs.checkU32(commitFinalizedHeight);
  }
}
