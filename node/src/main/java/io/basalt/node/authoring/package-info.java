/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Making blocks: {@link io.basalt.node.authoring.BlockProposer} builds one with the runtime's
 * BlockBuilder API (inherents from {@link io.basalt.node.authoring.InherentData}, then pool
 * transactions), in the block-construction execution context; {@link
 * io.basalt.node.authoring.DevSealer} decides when, for chains without a consensus engine ({@link
 * io.basalt.node.authoring.Consensus}: instant seal, manual seal every N ms, on request, or never).
 *
 * <pre>{@code
 * BlockProposer proposer = new BlockProposer(chain, runtimes, services);
 * DevSealer sealer = new DevSealer(Consensus.parse("manual-seal-3000"), proposer, importer, pool,
 *     Clock.systemUTC(), true);
 * sealer.start();
 * }</pre>
 */
package io.basalt.node.authoring;
