/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The libp2p transport as the rest of the node sees it: a {@link io.basalt.network.transport.Host}
 * that dials and accepts {@link io.basalt.network.transport.Connection}s and opens or accepts
 * protocol-negotiated {@link io.basalt.network.transport.Substream}s on them.
 */
package io.basalt.network.transport;
