/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The light client request protocol ({@code /<genesis>/light/2}): protobuf {@code api.v1.light}
 * requests for a runtime call or storage reads at a block, answered with storage proofs.
 */
package io.basalt.network.light;
