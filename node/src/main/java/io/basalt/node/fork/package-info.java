/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Forks: a chain started from another node's block ({@code --fork-url}) or from a state dump
 * ({@code --fork-state}) instead of from genesis. {@link io.basalt.node.fork.ForkedChain} opens the
 * database at the fork point; {@link io.basalt.node.fork.RemoteState} fetches the fork block's trie
 * nodes on first use from the source's storage proofs and keeps them; blocks built on top are
 * ordinary local blocks.
 */
package io.basalt.node.fork;
