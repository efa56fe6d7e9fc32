/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Substrate's notifications protocols ({@code /<genesis>/block-announces/1}, GRANDPA,
 * transactions): one substream per direction. The opener writes its handshake
 * (varint-length-prefixed), the acceptor checks it and answers with its own, and from then on the
 * opener sends varint-length-prefixed notifications on it; the acceptor never writes again. A peer
 * is open once our outbound substream's handshake was answered; its notifications come on the
 * substream it opened to us. Matches {@code sc-network}'s {@code protocol/notifications/upgrade}.
 *
 * <pre>{@code
 * NotificationProtocol announces = new NotificationProtocol(config, handler, peerSet);
 * announces.register(host);                 // accepts inbound substreams on every name
 * announces.open(connection).join();        // our handshake answered: the peer is open
 * announces.send(peer, encodedAnnounce);
 * }</pre>
 */
package io.basalt.network.notification;
