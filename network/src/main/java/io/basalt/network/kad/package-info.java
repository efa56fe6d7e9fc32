/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Kademlia's messages ({@code /<genesis>/kad}): the protobuf {@code Message} of libp2p's {@code
 * dht.proto}, with peers and binary multiaddrs.
 *
 * <p>Kademlia peer routing as libp2p's kad-dht spec describes it, without I/O: keys are the SHA-256
 * of a peer id's multihash ({@link io.basalt.network.kad.RoutingKey}), distance is their XOR, a
 * {@link io.basalt.network.kad.RoutingTable} keeps k = 20 contacts per distance bucket, and a
 * {@link io.basalt.network.kad.FindNodeQuery} walks towards a target with alpha = 3 requests in
 * flight. The caller sends the {@code FIND_NODE} messages and feeds the answers back.
 *
 * <pre>{@code
 * FindNodeQuery query = new FindNodeQuery(local, RoutingKey.of(target), table.closest(key, 20));
 * while (!query.isFinished()) {
 *   for (Contact next : query.nextToQuery()) send FIND_NODE, then
 *     query.onResponse(next.peer(), closerPeers) or query.onFailure(next.peer());
 * }
 * List<Contact> closest = query.result();
 * }</pre>
 */
package io.basalt.network.kad;
