/* SPDX-License-Identifier: Apache-2.0 */
/**
 * A block-building harness for runtimes (test scope, reusable by the node's authoring tests):
 * {@link io.basalt.runtime.demo.chain.DemoChain} builds genesis with {@code GenesisBuilder}, builds
 * blocks the way a node does and imports them with {@code execute_block}, over a trie in memory;
 * {@link io.basalt.runtime.demo.chain.RuntimeUnderTest} hides whether the runtime is the Java one
 * or a Wasm blob on the executor; {@link io.basalt.runtime.demo.chain.ExtrinsicFactory} signs
 * extrinsics like a wallet with the {@link io.basalt.runtime.demo.chain.DevAccounts}.
 *
 * <pre>{@code
 * DemoChain chain = DemoChain.fromPreset(TestRuntimes.nativeRuntime(100), "development", Optional.empty());
 * ExtrinsicFactory xts = new ExtrinsicFactory(100, chain.genesisHash());
 * chain.buildBlock(List.of(xts.signed(alice, call, 0).encoded()), 1_700_000_000_000L);
 * }</pre>
 */
package io.basalt.runtime.demo.chain;
