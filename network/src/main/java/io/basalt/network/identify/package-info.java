/* SPDX-License-Identifier: Apache-2.0 */
/**
 * libp2p identify ({@code /ipfs/id/1.0.0}): on a stream the dialer opens, the listener sends one
 * length-prefixed protobuf {@link io.basalt.network.identify.IdentifyMessage} (its agent, keys,
 * addresses and protocols, and the address it sees the dialer at) and closes the stream.
 */
package io.basalt.network.identify;
