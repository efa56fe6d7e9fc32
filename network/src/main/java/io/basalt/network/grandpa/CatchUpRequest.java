/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.grandpa;

/**
 * Gossip variant 3: asks a peer for the votes of a round, SCALE {@code round u64 ‖ set_id u64}.
 *
 * @param round the round (or any later one) wanted
 * @param setId the authority set id
 */
public record CatchUpRequest(long round, long setId) implements GossipMessage {}
