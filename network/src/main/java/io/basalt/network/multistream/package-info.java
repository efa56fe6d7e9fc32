/* SPDX-License-Identifier: Apache-2.0 */
/**
 * multistream-select 1.0: the protocol negotiation libp2p runs on a raw connection (for {@code
 * /noise}), inside Noise (for {@code /yamux/1.0.0}) and on every Yamux stream. {@link
 * io.basalt.network.multistream.Negotiation} is the byte-level state machine; {@link
 * io.basalt.network.multistream.MultistreamHandler} runs it on a Netty channel and {@link
 * io.basalt.network.multistream.StreamNegotiator} on a {@link
 * io.basalt.network.transport.ByteStream}.
 */
package io.basalt.network.multistream;
