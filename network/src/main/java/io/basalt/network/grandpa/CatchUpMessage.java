/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.grandpa;

import java.util.Objects;

/**
 * Gossip variant 4: the answer to a catch-up request ({@code FullCatchUpMessage}), SCALE {@code
 * set_id u64 ‖ CatchUp}.
 *
 * @param setId the authority set id
 * @param catchUp the round's votes
 */
public record CatchUpMessage(long setId, CatchUp catchUp) implements GossipMessage {
  public CatchUpMessage {
    Objects.requireNonNull(catchUp, "catchUp");
  }
}
