/* SPDX-License-Identifier: Apache-2.0 */
/**
 * {@link io.basalt.network.host.NettyHost}, the {@link io.basalt.network.transport.Host} on Netty:
 * TCP or WebSocket, then multistream-select {@code /noise}, Noise XX, multistream-select {@code
 * /yamux/1.0.0} and Yamux, with ping and identify built in.
 */
package io.basalt.network.host;
