/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.storage.trie.InMemoryTrieNodes;
import io.basalt.storage.trie.StateCommit;
import io.basalt.storage.trie.StateTrie;
import io.basalt.storage.trie.TrieProof;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TrieViewTest {
  private static final Bytes KIDS = Bytes.fromHex("0x6b696473");

  private final StateCommit state = state();
  private final TrieView top =
      new TrieView(new InMemoryTrieNodes().add(state.toTrieCommit()), state.root());

  private static StateCommit state() {
    NavigableMap<Bytes, Bytes> topEntries = new TreeMap<>();
    for (int i = 0; i < 40; i++) {
      topEntries.put(Bytes.of((byte) 0x10, (byte) i), Bytes.of((byte) i));
    }
    NavigableMap<Bytes, Bytes> kids = new TreeMap<>();
    for (int i = 0; i < 40; i++) {
      kids.put(Bytes.of((byte) i, (byte) 7), Bytes.wrap(new byte[i + 1]));
    }
    return StateTrie.build(topEntries, Map.of(KIDS, kids), StateVersion.V1);
  }

  @Test
  void shouldPageKeysStrictlyAfterTheStartKey() {
    assertThat(top.keys(Bytes.of((byte) 0x10), Optional.of(Bytes.of((byte) 0x10, (byte) 37))))
        .containsExactly(Bytes.of((byte) 0x10, (byte) 38), Bytes.of((byte) 0x10, (byte) 39));
    assertThat(top.keys(Bytes.of((byte) 0x10), Optional.of(Bytes.of((byte) 0x0f))).count())
        .as("a start key before the prefix starts at the prefix")
        .isEqualTo(40);
  }

  @Test
  void shouldProveChildValuesWithThePathToTheChildRoot() {
    Bytes rootKey = WellKnownKeys.defaultChildRootKey(KIDS);
    TrieView kids = top.child(rootKey);
    Bytes key = Bytes.of((byte) 5, (byte) 7);
    assertThat(kids.get(key)).contains(Bytes.wrap(new byte[6]));
    assertThat(kids.keys(Bytes.EMPTY, Optional.empty()).count()).isEqualTo(40);

    List<Bytes> proof = kids.readProof(List.of(key, Bytes.of((byte) 99)));

    Hash256 childRoot = state.childRoots().get(KIDS);
    assertThat(
            TrieProof.verify(
                state.root(), proof, rootKey, Optional.of(Bytes.wrap(childRoot.toArray()))))
        .isTrue();
    assertThat(TrieProof.verify(childRoot, proof, key, kids.get(key))).isTrue();
    assertThat(TrieProof.verify(childRoot, proof, Bytes.of((byte) 99), Optional.empty())).isTrue();
    assertThat(proof).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void shouldReadAnAbsentChildTrieAsEmpty() {
    TrieView none = top.child(WellKnownKeys.defaultChildRootKey(Bytes.of((byte) 1)));
    assertThat(none.get(Bytes.of((byte) 5, (byte) 7))).isEmpty();
    assertThat(none.keys(Bytes.EMPTY, Optional.empty())).isEmpty();
    assertThat(none.entries(Bytes.EMPTY)).isEmpty();
  }
}
