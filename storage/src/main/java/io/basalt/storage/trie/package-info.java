/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Substrate's base-16 Patricia-Merkle state trie (host API §8), layouts V0 and V1, with BLAKE2b-256
 * or Keccak-256 as node hasher.
 *
 * <ul>
 *   <li>{@link io.basalt.storage.trie.TrieNodeCodec}: node encoding ({@link
 *       io.basalt.storage.trie.TrieNode}, {@link io.basalt.storage.trie.Nibbles}).
 *   <li>{@link io.basalt.storage.trie.TrieRoot}: roots from key/values (storage roots, ordered
 *       extrinsics roots); {@link io.basalt.storage.trie.TrieBuilder} also returns the nodes.
 *   <li>{@link io.basalt.storage.trie.StateTrie}: a whole state with default child tries (genesis).
 *   <li>{@link io.basalt.storage.trie.MerkleTrie}: reads ({@code get}, {@code nextKey}, ordered
 *       iteration) and copy-on-write updates ({@code apply}) over a {@link
 *       io.basalt.storage.trie.TrieNodeSource}, such as {@link
 *       io.basalt.storage.trie.TrieNodeStore} on the node database.
 *   <li>{@link io.basalt.storage.trie.TrieProof} (storage proofs, {@code state_getReadProof}) and
 *       {@link io.basalt.storage.trie.CompactTrieProof} ({@code ext_trie_*_verify_proof}).
 * </ul>
 *
 * <pre>{@code
 * TrieCommit genesis = TrieBuilder.build(top, StateVersion.V0);
 * MerkleTrie trie = new MerkleTrie(new InMemoryTrieNodes().add(genesis));
 * TrieCommit block1 = trie.apply(genesis.root(), changes, StateVersion.V0);
 * }</pre>
 */
package io.basalt.storage.trie;
