/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The block announces notifications protocol ({@code /<genesis>/block-announces/1}): the SCALE
 * handshake both sides send when the substream opens, and the announcement of a new block.
 */
package io.basalt.network.announce;
