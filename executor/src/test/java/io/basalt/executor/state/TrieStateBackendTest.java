/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.storage.trie.InMemoryTrieNodes;
import io.basalt.storage.trie.MerkleTrie;
import io.basalt.storage.trie.StateCommit;
import io.basalt.storage.trie.StateTrie;
import io.basalt.storage.trie.TrieNodeSource;
import io.basalt.storage.trie.TrieRoot;
import io.basalt.testsupport.RandomCases;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrieStateBackendTest {
  static Bytes ascii(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.US_ASCII));
  }

  static Bytes b(int... v) {
    return Bytes.ofUnsigned(v);
  }

  @Test
  void threeKeyVectorMatchesGossamerForBothVersions() {
    OverlayedExternalities ext =
        new OverlayedExternalities(new OverlayedChanges(), TrieStateBackend.empty());
    ext.set(ascii("key1"), ascii("value1"));
    ext.set(ascii("key2"), ascii("value2"));
    ext.set(ascii("key3"), ascii("verylargevaluewithmorethan32byteslength"));
    assertThat(ext.storageRoot(StateVersion.V0))
        .isEqualTo(
            Hash256.fromHex("71052d48704658a8435fb9cbc7ef69c75dad2f64001cb30bfa010f7d609e2657"));
    assertThat(ext.storageRoot(StateVersion.V1))
        .isEqualTo(
            Hash256.fromHex("6a4a732757263bf2bc4e03a341e3f8ea635f78996ec06a6a965d5097a2911c29"));
  }

  @Test
  void readsTopAndChildTriesAtTheStateRoot() {
    TreeMap<Bytes, Bytes> top = new TreeMap<>(Map.of(b(1), b(1), b(2), b(2), b(4), b(4)));
    TreeMap<Bytes, Bytes> child = new TreeMap<>(Map.of(b(7), b(70), b(8), b(80)));
    TrieStateBackend backend =
        TrieStateBackend.inMemory(top, Map.of(b(0xc1), child), StateVersion.V0);

    assertThat(backend.get(b(2))).contains(b(2));
    assertThat(backend.get(b(3))).isEmpty();
    assertThat(backend.nextKey(b(2))).contains(b(4));
    assertThat(backend.childGet(b(0xc1), b(8))).contains(b(80));
    assertThat(backend.childGet(b(0xc2), b(8))).isEmpty();
    assertThat(backend.childNextKey(b(0xc1), b(7))).contains(b(8));
    assertThat(backend.childNextKey(b(0xc1), b(8))).isEmpty();
    // The child root lives in the top trie under :child_storage:default: ++ key.
    assertThat(backend.get(WellKnownKeys.defaultChildRootKey(b(0xc1))))
        .contains(TrieRoot.of(child, StateVersion.V0).toBytes());
    assertThat(backend.nextKey(b(4))).contains(WellKnownKeys.defaultChildRootKey(b(0xc1)));
  }

  @Test
  void commitHoldsTheRootAndEveryNewNodeOfTopAndChildTries() {
    TreeMap<Bytes, Bytes> top = new TreeMap<>(Map.of(b(1), b(1), b(2), b(2)));
    TreeMap<Bytes, Bytes> child = new TreeMap<>(Map.of(b(7), b(70)));
    StateCommit parent = StateTrie.build(top, Map.of(b(0xc1), child), StateVersion.V1);
    InMemoryTrieNodes nodes = new InMemoryTrieNodes().add(parent.toTrieCommit());
    TrieStateBackend backend = new TrieStateBackend(nodes, parent.root());
    OverlayedChanges changes = new OverlayedChanges();
    OverlayedExternalities ext = new OverlayedExternalities(changes, backend);

    Bytes big = Bytes.wrap(new byte[40]);
    ext.set(b(3), big);
    ext.clear(b(1));
    ext.childSet(b(0xc1), b(9), b(90));
    ext.childSet(b(0xc2), b(5), b(50));
    Hash256 runtimeRoot = ext.storageRoot(StateVersion.V1);
    StateCommit commit = backend.commit(changes, StateVersion.V1);

    TreeMap<Bytes, Bytes> expectedTop = new TreeMap<>(Map.of(b(2), b(2), b(3), big));
    Map<Bytes, TreeMap<Bytes, Bytes>> expectedChildren =
        Map.of(
            b(0xc1),
            new TreeMap<>(Map.of(b(7), b(70), b(9), b(90))),
            b(0xc2),
            new TreeMap<>(Map.of(b(5), b(50))));
    Hash256 expected = StateTrie.root(expectedTop, expectedChildren, StateVersion.V1);
    assertThat(runtimeRoot).isEqualTo(expected);
    assertThat(commit.root()).isEqualTo(expected);
    assertThat(commit.childRoots().keySet()).containsExactlyInAnyOrder(b(0xc1), b(0xc2));

    // The parent's nodes plus the commit's new nodes hold the whole new state (incl. V1 values).
    nodes.add(commit.toTrieCommit());
    TrieStateBackend next = new TrieStateBackend(nodes, commit.root());
    assertThat(next.get(b(3))).contains(big);
    assertThat(next.get(b(1))).isEmpty();
    assertThat(next.childGet(b(0xc1), b(9))).contains(b(90));
    assertThat(next.childGet(b(0xc2), b(5))).contains(b(50));
  }

  @Test
  void commitReusesTheRootTheRuntimeAlreadyComputed() {
    TreeMap<Bytes, Bytes> top = new TreeMap<>();
    for (int i = 0; i < 200; i++) {
      top.put(b(i, i), b(i));
    }
    StateCommit parent = StateTrie.build(top, Map.of(), StateVersion.V0);
    InMemoryTrieNodes stored = new InMemoryTrieNodes().add(parent.toTrieCommit());
    AtomicInteger reads = new AtomicInteger();
    TrieNodeSource counting =
        hash -> {
          reads.incrementAndGet();
          return stored.node(hash);
        };
    TrieStateBackend backend = new TrieStateBackend(counting, parent.root());
    OverlayedChanges changes = new OverlayedChanges();
    OverlayedExternalities ext = new OverlayedExternalities(changes, backend);
    ext.set(b(5, 5), b(55));
    ext.childSet(b(0xc1), b(1), b(1));

    Hash256 root = ext.storageRoot(StateVersion.V0);
    int afterRoot = reads.get();
    StateCommit commit = backend.commit(changes, StateVersion.V0);
    assertThat(commit.root()).isEqualTo(root);
    assertThat(reads.get()).as("node reads by commit").isEqualTo(afterRoot);

    // A different version or delta is computed afresh.
    assertThat(backend.commit(changes, StateVersion.V1).root()).isEqualTo(root);
    assertThat(reads.get()).isGreaterThan(afterRoot);
  }

  @Test
  void commitRefusesOpenTransactions() {
    OverlayedChanges changes = new OverlayedChanges();
    changes.startTransaction();
    assertThatThrownBy(() -> TrieStateBackend.empty().commit(changes, StateVersion.V0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1 open storage transactions");
  }

  @Test
  void killingAChildTrieRemovesItsRootAndCommitsNoChildNodes() {
    TreeMap<Bytes, Bytes> child = new TreeMap<>(Map.of(b(7), b(70)));
    TrieStateBackend backend =
        TrieStateBackend.inMemory(
            new TreeMap<>(Map.of(b(1), b(1))), Map.of(b(0xc1), child), StateVersion.V0);
    OverlayedChanges changes = new OverlayedChanges();
    new OverlayedExternalities(changes, backend)
        .killChild(b(0xc1), java.util.OptionalLong.empty(), Optional.empty());
    StateCommit commit = backend.commit(changes, StateVersion.V0);
    assertThat(commit.root())
        .isEqualTo(TrieRoot.of(new TreeMap<>(Map.of(b(1), b(1))), StateVersion.V0));
    assertThat(commit.childRoots()).containsEntry(b(0xc1), StateBackend.EMPTY_TRIE_ROOT);
  }

  record CommitCase(List<List<Byte>> base, List<List<Byte>> writes, List<List<Byte>> deletes) {}

  @Test
  void commitEqualsARebuildOfTheResultingMaps() {
    RandomCases.forAll(
        40,
        r -> new CommitCase(keyLists(r, 10, 1), keyLists(r, 10, 1), keyLists(r, 5, 1)),
        c -> commitEqualsARebuildFor(c.base(), c.writes(), c.deletes()));
  }

  private static void commitEqualsARebuildFor(
      List<List<Byte>> base, List<List<Byte>> writes, List<List<Byte>> deletes) {
    TreeMap<Bytes, Bytes> top = new TreeMap<>();
    base.forEach(k -> top.put(key(k), key(k)));
    TrieStateBackend backend = TrieStateBackend.inMemory(top, Map.of(), StateVersion.V1);
    OverlayedChanges changes = new OverlayedChanges();
    OverlayedExternalities ext = new OverlayedExternalities(changes, backend);
    TreeMap<Bytes, Bytes> expected = new TreeMap<>(top);
    for (List<Byte> k : writes) {
      Bytes value = Bytes.wrap(new byte[k.size() * 20]).concat(key(k));
      ext.set(key(k), value);
      expected.put(key(k), value);
    }
    for (List<Byte> k : deletes) {
      ext.clear(key(k));
      expected.remove(key(k));
    }
    StateCommit commit = backend.commit(changes, StateVersion.V1);
    assertThat(commit.root()).isEqualTo(TrieRoot.of(expected, StateVersion.V1));
    MerkleTrie trie = new MerkleTrie(TrieNodeSource.of(new java.util.HashMap<>(commit.nodes())));
    for (List<Byte> k : writes) {
      if (expected.containsKey(key(k))) {
        assertThat(trie.get(commit.root(), key(k))).contains(expected.get(key(k)));
      }
    }
  }

  private static Bytes key(List<Byte> k) {
    byte[] raw = new byte[k.size()];
    for (int i = 0; i < raw.length; i++) {
      // Keep clear of the reserved ':' prefix.
      raw[i] = k.get(i) == ':' ? 0 : k.get(i);
    }
    return Bytes.wrap(raw);
  }

  /** Up to {@code max} keys of {@code minLength}..3 random bytes each. */
  private static List<List<Byte>> keyLists(SplittableRandom r, int max, int minLength) {
    List<List<Byte>> out = new ArrayList<>();
    int n = r.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      List<Byte> key = new ArrayList<>();
      int length = r.nextInt(minLength, 4);
      for (int j = 0; j < length; j++) {
        key.add((byte) r.nextInt(256));
      }
      out.add(key);
    }
    return out;
  }
}
