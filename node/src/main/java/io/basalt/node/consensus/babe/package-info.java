/* SPDX-License-Identifier: Apache-2.0 */
/**
 * BABE block production and verification: the pre-runtime and consensus digests ({@link
 * io.basalt.node.consensus.babe.BabePreDigest}, {@link
 * io.basalt.node.consensus.babe.BabeConsensusLog}), the chain's configuration and its epochs
 * tracked per fork ({@link io.basalt.node.consensus.babe.Epoch}, {@link
 * io.basalt.node.consensus.babe.EpochState}), the slot lottery ({@link
 * io.basalt.node.consensus.babe.SlotLottery}) and the engine that verifies blocks and claims slots
 * ({@link io.basalt.node.consensus.babe.BabeEngine}).
 */
package io.basalt.node.consensus.babe;
