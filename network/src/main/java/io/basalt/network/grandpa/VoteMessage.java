/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.grandpa;

import java.util.Objects;

/**
 * Gossip variant 0: a vote, SCALE {@code round u64 ‖ set_id u64 ‖ SignedMessage}.
 *
 * @param round the round voted in
 * @param setId the authority set id
 * @param message the signed vote
 */
public record VoteMessage(long round, long setId, SignedMessage message) implements GossipMessage {
  public VoteMessage {
    Objects.requireNonNull(message, "message");
  }
}
