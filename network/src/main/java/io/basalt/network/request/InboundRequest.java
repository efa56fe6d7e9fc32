/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.request;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.PeerId;

/**
 * A request a peer sent us.
 *
 * @param peer who asked
 * @param protocol the negotiated protocol name (main or a fallback)
 * @param payload the request bytes, without the length prefix
 */
public record InboundRequest(PeerId peer, String protocol, Bytes payload) {}
