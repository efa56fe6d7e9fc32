/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The choice of a chain's consensus engines from its runtime's APIs ({@link
 * io.basalt.node.consensus.engines.ConsensusEngines}): {@code AuraApi} → Aura, {@code BabeApi} →
 * BABE, {@code GrandpaApi} → GRANDPA finality; none → the dev sealer of {@code authoring}. Kept
 * apart from {@code consensus} so that the engines' packages depend on {@code consensus}, and this
 * package on them, without a cycle.
 */
package io.basalt.node.consensus.engines;
