/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The block store: headers, bodies and justifications by hash, the canonical chain by number, and
 * the genesis, best and finalized blocks, over a {@link io.basalt.storage.kv.KeyValueStore}.
 *
 * <p>Writes go through {@link io.basalt.storage.block.BlockStore.Transaction}, which also takes the
 * trie nodes of new state, so that importing a block (or writing genesis) is one atomic commit. The
 * schema version in the META column guards against reading an incompatible layout.
 *
 * <pre>{@code
 * BlockStore blocks = BlockStore.open(kv);
 * try (BlockStore.Transaction tx = blocks.transaction()) {
 *   tx.putTrieNodes(newState).putHeader(header).putBody(hash, extrinsics)
 *       .setCanonical(header.number(), hash).setBest(new BlockRef(hash, header.number()));
 *   tx.commit();
 * }
 * }</pre>
 */
package io.basalt.storage.block;
