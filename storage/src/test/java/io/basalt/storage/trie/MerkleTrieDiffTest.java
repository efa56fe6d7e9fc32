/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import io.basalt.testsupport.RandomCases;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MerkleTrieDiffTest {
  record DiffAgreesWithComparingSortedMapsCase(
      Map<Bytes, Bytes> base,
      Map<Bytes, Optional<Bytes>> changes,
      StateVersion before,
      StateVersion after) {}

  @Test
  void diffAgreesWithComparingSortedMaps() {
    RandomCases.forAll(
        300,
        r ->
            new DiffAgreesWithComparingSortedMapsCase(
                MerkleTrieTest.map(r),
                MerkleTrieTest.batches(r).stream().findFirst().orElse(Map.of()),
                MerkleTrieTest.version(r),
                MerkleTrieTest.version(r)),
        c -> diffAgreesFor(c.base(), c.changes(), c.before(), c.after()));
  }

  private static void diffAgreesFor(
      Map<Bytes, Bytes> base,
      Map<Bytes, Optional<Bytes>> changes,
      StateVersion before,
      StateVersion after) {
    InMemoryTrieNodes nodes = new InMemoryTrieNodes();
    TrieCommit first = TrieBuilder.build(new TreeMap<>(base), before);
    nodes.add(first);
    MerkleTrie trie = new MerkleTrie(nodes);
    TrieCommit second = trie.apply(first.root(), new TreeMap<>(changes), after);
    nodes.add(second);
    NavigableMap<Bytes, Bytes> a = new TreeMap<>(base);
    NavigableMap<Bytes, Bytes> b = new TreeMap<>(base);
    changes.forEach((k, v) -> v.ifPresentOrElse(value -> b.put(k, value), () -> b.remove(k)));

    assertThat(trie.diff(first.root(), second.root())).isEqualTo(expected(a, b));
    assertThat(trie.diff(second.root(), first.root())).isEqualTo(expected(b, a));
    assertThat(trie.diff(first.root(), first.root())).isEmpty();
    assertThat(trie.diff(TrieRoot.EMPTY, second.root())).isEqualTo(expected(new TreeMap<>(), b));
    assertThat(trie.diff(second.root(), TrieRoot.EMPTY)).isEqualTo(expected(b, new TreeMap<>()));
  }

  private static NavigableMap<Bytes, Optional<Bytes>> expected(
      NavigableMap<Bytes, Bytes> from, NavigableMap<Bytes, Bytes> to) {
    NavigableMap<Bytes, Optional<Bytes>> out = new TreeMap<>();
    TreeSet<Bytes> keys = new TreeSet<>(from.keySet());
    keys.addAll(to.keySet());
    for (Bytes key : keys) {
      Optional<Bytes> after = Optional.ofNullable(to.get(key));
      if (!Optional.ofNullable(from.get(key)).equals(after)) {
        out.put(key, after);
      }
    }
    return out;
  }

  @Test
  void shouldLoadOnlyThePathsOfTheChangedKeys() {
    NavigableMap<Bytes, Bytes> base = new TreeMap<>();
    for (int i = 0; i < 4096; i++) {
      base.put(Bytes.of((byte) (i >> 8), (byte) i, (byte) 7), Bytes.of((byte) i));
    }
    InMemoryTrieNodes nodes = new InMemoryTrieNodes();
    TrieCommit first = TrieBuilder.build(base, StateVersion.V0);
    nodes.add(first);
    Bytes changed = Bytes.of((byte) 3, (byte) 0x21, (byte) 7);
    TrieCommit second =
        new MerkleTrie(nodes)
            .apply(
                first.root(),
                new TreeMap<>(Map.of(changed, Optional.of(Bytes.of((byte) 0x55)))),
                StateVersion.V0);
    nodes.add(second);
    AtomicInteger loads = new AtomicInteger();
    TrieNodeSource counting =
        hash -> {
          loads.incrementAndGet();
          return nodes.node(hash);
        };
    Hash256 from = first.root();

    NavigableMap<Bytes, Optional<Bytes>> diff = new MerkleTrie(counting).diff(from, second.root());

    assertThat(diff).containsExactly(Map.entry(changed, Optional.of(Bytes.of((byte) 0x55))));
    assertThat(loads.get())
        .as("two versions of the path to one key, not the 4096-key trie")
        .isLessThan(20);
  }
}
