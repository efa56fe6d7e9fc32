/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The transactions notifications protocol ({@code /<genesis>/transactions/1}): batches of
 * extrinsics gossiped to peers.
 */
package io.basalt.network.transactions;
