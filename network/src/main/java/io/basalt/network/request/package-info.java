/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Substrate's request-response protocols (block requests, state, warp sync, light client): one
 * substream per request. The requester writes the varint-length-prefixed request and closes its
 * side; the responder answers with one varint-length-prefixed response and closes, or resets the
 * substream to refuse. Sizes are bounded on both sides and the whole exchange is timed, as in
 * {@code sc-network}'s {@code request_responses.rs}.
 *
 * <pre>{@code
 * RequestResponseProtocol blocks = new RequestResponseProtocol(config, this::serve, timer);
 * blocks.register(host);
 * byte[] response = blocks.request(connection, encodedRequest).join();
 * }</pre>
 */
package io.basalt.network.request;
