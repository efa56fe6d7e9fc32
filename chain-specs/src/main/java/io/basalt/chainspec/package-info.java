/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Substrate chain specs: {@link io.basalt.chainspec.ChainSpecParser} reads raw specs (modern {@code
 * genesis.raw.{top,childrenDefault}} and the legacy {@code [top, children]} array), plain {@code
 * runtimeGenesis} specs, and recognises forms the node cannot build from; {@link
 * io.basalt.chainspec.ChainSpecWriter} writes them back in {@code build-spec}'s layout.
 *
 * <p>This package only reads and writes the file; building the genesis state and block from a spec
 * happens in the node, which has the trie and the runtime executor.
 *
 * <pre>{@code
 * ChainSpec spec = ChainSpecParser.parse(Path.of("westend.json"));
 * if (spec.genesis() instanceof Genesis.Raw raw) { raw.code(); raw.top(); }
 * }</pre>
 */
package io.basalt.chainspec;
