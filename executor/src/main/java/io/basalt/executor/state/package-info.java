/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The state a runtime call reads and writes: {@link io.basalt.executor.state.Externalities} (what
 * host functions talk to), {@link io.basalt.executor.state.OverlayedChanges} (uncommitted changes
 * with nested transactions; lookups answer {@code Unknown | Deleted | Value}) and the {@link
 * io.basalt.executor.state.StateBackend} seam, implemented on the storage module's persistent trie
 * by {@link io.basalt.executor.state.TrieStateBackend} (whose {@code commit} gives the new root and
 * nodes to write after a call).
 *
 * <p>Semantics follow sp-state-machine: {@code next_key} merges overlay and backend and skips
 * deleted keys; {@code clear_prefix}'s limit counts visited backend keys and returns a cursor;
 * {@code storage_append} bumps a SCALE Vec's count; {@code storage_root} recomputes changed child
 * roots first and stores them under {@code :child_storage:default:}; {@code :extrinsic_index} is an
 * ordinary key.
 *
 * <pre>{@code
 * OverlayedChanges changes = new OverlayedChanges();
 * Externalities ext = new OverlayedExternalities(changes, backend);
 * ext.set(key, value);
 * Hash256 root = ext.storageRoot(StateVersion.V1);
 * }</pre>
 */
package io.basalt.executor.state;
