/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Peer bookkeeping after Substrate's {@code peer_store} and {@code protocol_controller}: the peers
 * we know with their addresses, a reputation that decays towards zero every second, bans below
 * {@link io.basalt.network.peerset.Reputation#BANNED_THRESHOLD}, inbound and outbound slots,
 * reserved peers and reserved-only mode, and which peers to dial next (with backoff after
 * failures).
 *
 * <p>Protocol engines report misbehaving peers through {@link
 * io.basalt.network.peerset.PeerReporter}; {@link io.basalt.network.peerset.PeerSet} implements it
 * and tells its disconnect listeners which peers to drop. Time is injected, so tests are exact.
 *
 * <pre>{@code
 * PeerSet peers = new PeerSet(PeerSetConfig.defaults(), Clock.systemUTC());
 * peers.addAddress(peer, Multiaddr.parse("/ip4/1.2.3.4/tcp/30333"));
 * for (PeerId next : peers.peersToDial()) { host.dial(...) ... }
 * peers.report(peer, ReputationChange.BAD_MESSAGE);
 * }</pre>
 */
package io.basalt.network.peerset;
