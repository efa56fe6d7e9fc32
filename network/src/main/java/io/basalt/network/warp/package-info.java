/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The GRANDPA warp sync protocol ({@code /<genesis>/sync/warp}): a SCALE request naming the last
 * finalized block the requester trusts, answered with the authority-set changes since then, each
 * proven by a GRANDPA justification.
 */
package io.basalt.network.warp;
