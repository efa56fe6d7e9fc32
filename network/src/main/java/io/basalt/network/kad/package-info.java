/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Kademlia's messages ({@code /<genesis>/kad}): the protobuf {@code Message} of libp2p's {@code
 * dht.proto}, with peers and binary multiaddrs.
 */
package io.basalt.network.kad;
