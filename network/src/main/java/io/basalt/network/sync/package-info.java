/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The block request ({@code /<genesis>/sync/2}) and state request ({@code /<genesis>/state/2})
 * protocols: protobuf messages from Substrate's {@code api.v1} schema.
 */
package io.basalt.network.sync;
