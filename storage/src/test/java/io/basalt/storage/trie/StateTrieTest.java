/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import io.basalt.primitives.types.WellKnownKeys;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StateTrieTest {

  private static Bytes ascii(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.US_ASCII));
  }

  @ParameterizedTest
  @EnumSource(StateVersion.class)
  void childRootsAreStoredUnderTheDefaultPrefixAndEmptyChildrenAreOmitted(StateVersion version) {
    NavigableMap<Bytes, Bytes> top = new TreeMap<>();
    top.put(ascii(":code"), Bytes.wrap(new byte[100]));
    top.put(ascii("balance"), ascii("42"));
    // A stale root for a child that turns out empty must disappear.
    top.put(WellKnownKeys.defaultChildRootKey(ascii("gone")), Bytes.wrap(new byte[32]));
    NavigableMap<Bytes, Bytes> child = new TreeMap<>();
    child.put(ascii("a"), ascii("1"));
    child.put(ascii("b"), Bytes.wrap(new byte[40]));
    Map<Bytes, NavigableMap<Bytes, Bytes>> children = new LinkedHashMap<>();
    children.put(ascii("contract"), child);
    children.put(ascii("gone"), new TreeMap<>());

    StateCommit state = StateTrie.build(top, children, version);

    Hash256 childRoot = TrieRoot.of(child, version);
    NavigableMap<Bytes, Bytes> expectedTop = new TreeMap<>(top);
    expectedTop.remove(WellKnownKeys.defaultChildRootKey(ascii("gone")));
    expectedTop.put(ascii(":child_storage:default:contract"), childRoot.toBytes());
    assertThat(state.root()).isEqualTo(TrieRoot.of(expectedTop, version));
    assertThat(state.childRoots()).containsExactly(Map.entry(ascii("contract"), childRoot));
    assertThat(StateTrie.root(top, children, version)).isEqualTo(state.root());

    MerkleTrie trie = new MerkleTrie(TrieNodeSource.of(state.nodes()));
    assertThat(trie.get(state.root(), ascii(":child_storage:default:contract")))
        .contains(childRoot.toBytes());
    assertThat(trie.get(childRoot, ascii("b"))).contains(Bytes.wrap(new byte[40]));
    assertThat(state.toTrieCommit().nodes()).isEqualTo(state.nodes());
  }

  @ParameterizedTest
  @EnumSource(StateVersion.class)
  void stateWithoutChildrenIsJustTheTopTrie(StateVersion version) {
    NavigableMap<Bytes, Bytes> top = new TreeMap<>();
    top.put(ascii("k"), ascii("v"));
    assertThat(StateTrie.build(top, Map.of(), version).root()).isEqualTo(TrieRoot.of(top, version));
  }

  @ParameterizedTest
  @EnumSource(StateVersion.class)
  void applyUpdatesChildTriesThenTheTopTrie(StateVersion version) {
    NavigableMap<Bytes, Bytes> top = new TreeMap<>();
    top.put(ascii("k"), ascii("v"));
    NavigableMap<Bytes, Bytes> alpha = new TreeMap<>();
    alpha.put(ascii("a1"), ascii("1"));
    alpha.put(ascii("a2"), Bytes.wrap(new byte[50]));
    NavigableMap<Bytes, Bytes> beta = new TreeMap<>();
    beta.put(ascii("b1"), ascii("1"));
    StateCommit before =
        StateTrie.build(top, Map.of(ascii("alpha"), alpha, ascii("beta"), beta), version);
    InMemoryTrieNodes nodes = new InMemoryTrieNodes().add(before.toTrieCommit());
    MerkleTrie trie = new MerkleTrie(nodes);

    NavigableMap<Bytes, java.util.Optional<Bytes>> topChanges = new TreeMap<>();
    topChanges.put(ascii("k2"), java.util.Optional.of(ascii("v2")));
    NavigableMap<Bytes, java.util.Optional<Bytes>> alphaChanges = new TreeMap<>();
    alphaChanges.put(ascii("a1"), java.util.Optional.empty());
    alphaChanges.put(ascii("a3"), java.util.Optional.of(ascii("3")));
    NavigableMap<Bytes, java.util.Optional<Bytes>> betaChanges = new TreeMap<>();
    betaChanges.put(ascii("b1"), java.util.Optional.empty());
    NavigableMap<Bytes, java.util.Optional<Bytes>> gammaChanges = new TreeMap<>();
    gammaChanges.put(ascii("g"), java.util.Optional.of(ascii("new")));
    StateCommit after =
        StateTrie.apply(
            trie,
            before.root(),
            topChanges,
            Map.of(
                ascii("alpha"),
                alphaChanges,
                ascii("beta"),
                betaChanges,
                ascii("gamma"),
                gammaChanges),
            version);

    NavigableMap<Bytes, Bytes> expectedTop = new TreeMap<>(top);
    expectedTop.put(ascii("k2"), ascii("v2"));
    NavigableMap<Bytes, Bytes> expectedAlpha = new TreeMap<>(alpha);
    expectedAlpha.remove(ascii("a1"));
    expectedAlpha.put(ascii("a3"), ascii("3"));
    NavigableMap<Bytes, Bytes> expectedGamma = new TreeMap<>(Map.of(ascii("g"), ascii("new")));
    StateCommit expected =
        StateTrie.build(
            expectedTop,
            Map.of(
                ascii("alpha"),
                expectedAlpha,
                ascii("beta"),
                new TreeMap<>(),
                ascii("gamma"),
                expectedGamma),
            version);
    assertThat(after.root()).isEqualTo(expected.root());
    assertThat(after.childRoots())
        .containsEntry(ascii("beta"), TrieRoot.EMPTY)
        .containsEntry(ascii("alpha"), expected.childRoots().get(ascii("alpha")));
    nodes.add(after.toTrieCommit());
    assertThat(trie.get(after.root(), WellKnownKeys.defaultChildRootKey(ascii("beta")))).isEmpty();
    assertThat(trie.get(expected.childRoots().get(ascii("gamma")), ascii("g")))
        .contains(ascii("new"));
  }

  @org.junit.jupiter.api.Test
  void childStorageKeysAreRecognised() {
    assertThat(WellKnownKeys.DEFAULT_CHILD_STORAGE_PREFIX)
        .isEqualTo(ascii(":child_storage:default:"));
    assertThat(WellKnownKeys.isChildStorageKey(ascii(":child_storage:default:x"))).isTrue();
    assertThat(WellKnownKeys.isChildStorageKey(ascii(":code"))).isFalse();
  }
}
