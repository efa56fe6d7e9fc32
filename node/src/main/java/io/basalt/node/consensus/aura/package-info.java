/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Aura (authority round) consensus: round-robin slot authors from {@code AuraApi_authorities}, an
 * {@code aura} pre-runtime digest with the slot and an sr25519 seal over the pre-seal header hash
 * (sc-consensus-aura's format). {@link io.basalt.node.consensus.aura.AuraEngine} claims slots and
 * seals blocks for the slot worker and fast-forward, and verifies every imported block.
 */
package io.basalt.node.consensus.aura;
