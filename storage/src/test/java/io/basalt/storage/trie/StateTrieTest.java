/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.types.Bytes;
import io.basalt.primitives.types.Hash256;
import io.basalt.primitives.types.StateVersion;
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
    top.put(ChildTrie.defaultRootKey(ascii("gone")), Bytes.wrap(new byte[32]));
    NavigableMap<Bytes, Bytes> child = new TreeMap<>();
    child.put(ascii("a"), ascii("1"));
    child.put(ascii("b"), Bytes.wrap(new byte[40]));
    Map<Bytes, NavigableMap<Bytes, Bytes>> children = new LinkedHashMap<>();
    children.put(ascii("contract"), child);
    children.put(ascii("gone"), new TreeMap<>());

    StateCommit state = StateTrie.build(top, children, version);

    Hash256 childRoot = TrieRoot.of(child, version);
    NavigableMap<Bytes, Bytes> expectedTop = new TreeMap<>(top);
    expectedTop.remove(ChildTrie.defaultRootKey(ascii("gone")));
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

  @org.junit.jupiter.api.Test
  void childStorageKeysAreRecognised() {
    assertThat(ChildTrie.DEFAULT_PREFIX).isEqualTo(ascii(":child_storage:default:"));
    assertThat(ChildTrie.isChildStorageKey(ascii(":child_storage:default:x"))).isTrue();
    assertThat(ChildTrie.isChildStorageKey(ascii(":code"))).isFalse();
  }
}
