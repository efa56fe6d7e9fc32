/* SPDX-License-Identifier: Apache-2.0 */
/**
 * A chain as the node keeps it: {@link io.basalt.node.chain.ChainSpecs} resolves {@code --chain},
 * {@link io.basalt.node.chain.GenesisFactory} builds the genesis block and state (raw specs
 * directly, plain specs through the runtime's GenesisBuilder API), and {@link
 * io.basalt.node.chain.ChainDatabase} opens the RocksDB database under {@code
 * <base>/chains/<id>/db/full}, commits genesis atomically on first start and refuses another
 * chain's database afterwards.
 *
 * <pre>{@code
 * ChainSpec spec = ChainSpecs.load("westend.json");
 * GenesisBlock genesis = GenesisFactory.build(spec, new RuntimeGenesisBuilder(runtimes));
 * try (ChainDatabase db = ChainDatabase.open(base.databaseDir(spec.id()))) {
 *   db.initialize(genesis);
 *   Optional<SignedBlock> first = db.canonicalBlock(1);
 * }
 * }</pre>
 */
package io.basalt.node.chain;
