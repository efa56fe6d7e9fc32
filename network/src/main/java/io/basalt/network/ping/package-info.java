/* SPDX-License-Identifier: Apache-2.0 */
/**
 * libp2p ping ({@code /ipfs/ping/1.0.0}): the dialer sends 32 random bytes, the listener echoes
 * them; {@link io.basalt.network.ping.Ping} answers and measures round trips.
 */
package io.basalt.network.ping;
