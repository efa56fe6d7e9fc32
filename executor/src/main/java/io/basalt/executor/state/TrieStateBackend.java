/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.state;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.storage.StorageException;
import io.basalt.storage.trie.InMemoryTrieNodes;
import io.basalt.storage.trie.MerkleTrie;
import io.basalt.storage.trie.StateCommit;
import io.basalt.storage.trie.StateTrie;
import io.basalt.storage.trie.TrieCommit;
import io.basalt.storage.trie.TrieNodeSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The state at one state root, read from the storage module's {@link MerkleTrie}: the top trie and
 * the default child tries whose roots it holds under {@code :child_storage:default:} ‖ child key.
 *
 * <p>Roots of proposed changes ({@link #root}, {@link #childRoot}) are computed with {@link
 * MerkleTrie#apply}, which only builds the new nodes and never writes them. The last computation
 * per trie is remembered, so that {@link #commit} after a runtime call that already asked for the
 * storage root (every {@code Core_execute_block} does, to check the header) reuses it instead of
 * applying the same changes twice.
 *
 * <pre>{@code
 * TrieStateBackend parent = new TrieStateBackend(nodeStore, parentHeader.stateRoot());
 * OverlayedChanges changes = new OverlayedChanges();
 * executor.call(code, "Core_execute_block", block, new OverlayedExternalities(changes, parent));
 * StateCommit commit = parent.commit(changes, StateVersion.V0); // new root + new nodes
 * }</pre>
 *
 * <p>Not thread-safe: one runtime call uses a backend at a time. Reads fail with a {@link
 * StorageException} (e.g. {@code MissingTrieNodeException}) when the node source lacks a node; that
 * is fatal for the call, never "absent".
 */
public final class TrieStateBackend implements StateBackend {
  private final MerkleTrie trie;
  private final Hash256 stateRoot;
  private final Map<Bytes, Optional<Hash256>> childRoots = new HashMap<>();
  private Applied lastTop;
  private final Map<Bytes, Applied> lastChild = new HashMap<>();

  /** One remembered {@link MerkleTrie#apply}: its inputs and result. */
  private record Applied(List<StorageChange> delta, StateVersion version, TrieCommit commit) {}

  /** The state with root {@code stateRoot} in a BLAKE2b-256 trie over {@code nodes}. */
  public TrieStateBackend(TrieNodeSource nodes, Hash256 stateRoot) {
    this(new MerkleTrie(nodes), stateRoot);
  }

  public TrieStateBackend(MerkleTrie trie, Hash256 stateRoot) {
    this.trie = Objects.requireNonNull(trie, "trie");
    this.stateRoot = Objects.requireNonNull(stateRoot, "stateRoot");
  }

  /** The empty state (e.g. to build a genesis state through the runtime). */
  public static TrieStateBackend empty() {
    MerkleTrie trie = new MerkleTrie(TrieNodeSource.empty());
    return new TrieStateBackend(trie, trie.emptyRoot());
  }

  /**
   * A state held in memory, built from key/values (tests, fixtures, tools).
   *
   * @param top top-trie entries; child roots are added for the non-empty child tries
   * @param children default child tries by child key (without prefix)
   * @param version the layout the nodes are built with
   */
  public static TrieStateBackend inMemory(
      NavigableMap<Bytes, Bytes> top,
      Map<Bytes, ? extends NavigableMap<Bytes, Bytes>> children,
      StateVersion version) {
    StateCommit state = StateTrie.build(top, children, version);
    InMemoryTrieNodes nodes = new InMemoryTrieNodes().add(state.toTrieCommit());
    return new TrieStateBackend(nodes, state.root());
  }

  /** The root of the state this backend reads. */
  public Hash256 stateRoot() {
    return stateRoot;
  }

  @Override
  public Optional<Bytes> get(Bytes key) {
    return trie.get(stateRoot, key);
  }

  @Override
  public Optional<Bytes> nextKey(Bytes key) {
    return trie.nextKey(stateRoot, key);
  }

  @Override
  public Optional<Bytes> childGet(Bytes childKey, Bytes key) {
    return storedChildRoot(childKey).flatMap(root -> trie.get(root, key));
  }

  @Override
  public Optional<Bytes> childNextKey(Bytes childKey, Bytes key) {
    return storedChildRoot(childKey).flatMap(root -> trie.nextKey(root, key));
  }

  @Override
  public Hash256 root(List<StorageChange> delta, StateVersion version) {
    return applyTop(delta, version).root();
  }

  @Override
  public Hash256 childRoot(Bytes childKey, List<StorageChange> delta, StateVersion version) {
    return applyChild(childKey, delta, version).root();
  }

  /**
   * The new state after the overlay's changes: root, changed child roots and every new node of the
   * top and child tries, ready to be written with the block. Child tries are updated first and
   * their roots written under {@code :child_storage:default:} ‖ child key (removed when a child
   * trie became empty), exactly as {@link OverlayedExternalities#storageRoot} computes the root.
   *
   * @param changes the call's changes; no transaction may be open
   * @param version the layout for the values written (the runtime's state version)
   * @throws IllegalStateException if a storage transaction is still open
   */
  public StateCommit commit(OverlayedChanges changes, StateVersion version) {
    if (changes.transactionDepth() != 0) {
      throw new IllegalStateException(
          "changes taken with "
              + changes.transactionDepth()
              + " open storage transactions; the call must commit or roll them back first");
    }
    Map<Hash256, Bytes> nodes = new HashMap<>();
    Map<Bytes, Hash256> newChildRoots = new HashMap<>();
    List<StorageChange> topDelta =
        changes.topDeltaWithChildRoots(
            (childKey, childDelta) -> {
              TrieCommit child = applyChild(childKey, childDelta, version);
              nodes.putAll(child.nodes());
              newChildRoots.put(childKey, child.root());
              return child.root();
            });
    TrieCommit top = applyTop(topDelta, version);
    nodes.putAll(top.nodes());
    return new StateCommit(top.root(), newChildRoots, nodes);
  }

  private TrieCommit applyTop(List<StorageChange> delta, StateVersion version) {
    Applied last = lastTop;
    if (last != null && last.version() == version && last.delta().equals(delta)) {
      return last.commit();
    }
    TrieCommit commit = trie.apply(stateRoot, toChanges(delta), version);
    lastTop = new Applied(List.copyOf(delta), version, commit);
    return commit;
  }

  private TrieCommit applyChild(Bytes childKey, List<StorageChange> delta, StateVersion version) {
    Applied last = lastChild.get(childKey);
    if (last != null && last.version() == version && last.delta().equals(delta)) {
      return last.commit();
    }
    Hash256 base = storedChildRoot(childKey).orElse(trie.emptyRoot());
    TrieCommit commit = trie.apply(base, toChanges(delta), version);
    lastChild.put(childKey, new Applied(List.copyOf(delta), version, commit));
    return commit;
  }

  private static NavigableMap<Bytes, Optional<Bytes>> toChanges(List<StorageChange> delta) {
    NavigableMap<Bytes, Optional<Bytes>> changes = new TreeMap<>();
    for (StorageChange c : delta) {
      changes.put(c.key(), c.value());
    }
    return changes;
  }

  /** The root of a default child trie in this state, if it exists. */
  private Optional<Hash256> storedChildRoot(Bytes childKey) {
    Optional<Hash256> cached = childRoots.get(childKey);
    if (cached != null) {
      return cached;
    }
    Bytes rootKey = WellKnownKeys.defaultChildRootKey(childKey);
    Optional<Hash256> root =
        trie.get(stateRoot, rootKey)
            .map(
                stored -> {
                  if (stored.length() != Hash256.LENGTH) {
                    throw new StorageException(
                        "child trie root under "
                            + rootKey
                            + " in state "
                            + stateRoot
                            + " is "
                            + stored.length()
                            + " bytes, expected 32",
                        null,
                        true);
                  }
                  return Hash256.of(stored.unsafeArray());
                });
    childRoots.put(childKey, root);
    return root;
  }
}
