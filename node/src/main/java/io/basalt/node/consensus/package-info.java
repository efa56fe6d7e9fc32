/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Consensus as plug-ins of the one import pipeline and of block authoring. A {@link
 * io.basalt.node.importer.BlockVerifier} checks a block before it is executed (Aura and BABE seals
 * and slot claims, GRANDPA justifications) and returns what to store with it ({@link
 * io.basalt.node.importer.AuxWrite}s, committed in the block's own transaction). A {@link
 * io.basalt.node.consensus.SlotAuthorship} answers, for a slot-based engine, whether a local key
 * may author at a slot ({@link io.basalt.node.consensus.SlotClaim}), what pre-runtime digest and
 * inherent data the block carries and how it is sealed. Engines are chosen from the runtime's APIs:
 * {@code AuraApi}, {@code BabeApi}, {@code GrandpaApi}; a runtime with none gets the dev engines of
 * {@code authoring}.
 */
package io.basalt.node.consensus;
