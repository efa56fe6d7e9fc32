/* SPDX-License-Identifier: Apache-2.0 */
/**
 * GRANDPA's gossip ({@code /<genesis>/grandpa/1}): the SCALE {@link
 * io.basalt.network.grandpa.GossipMessage} variants of {@code sc-consensus-grandpa} over the vote,
 * commit and catch-up types of the {@code finality-grandpa} crate, plus the payload a voter signs.
 * Block numbers are u32, signatures ed25519 (64 bytes), authority ids ed25519 public keys (32).
 */
package io.basalt.network.grandpa;
