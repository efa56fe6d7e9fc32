/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.types.Bytes;
import io.basalt.primitives.types.Hash256;
import io.basalt.primitives.types.StateVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MerkleTrieTest {

  /** Keys from a tiny alphabet, so that prefixes, shared paths and the empty key all occur. */
  @Provide
  Arbitrary<Bytes> keys() {
    return Arbitraries.of((byte) 0x00, (byte) 0x01, (byte) 0x10, (byte) 0x1f, (byte) 0xff)
        .list()
        .ofMaxSize(5)
        .map(
            l -> {
              byte[] b = new byte[l.size()];
              for (int i = 0; i < b.length; i++) {
                b[i] = l.get(i);
              }
              return Bytes.wrap(b);
            });
  }

  /** Values on both sides of the V1 threshold (33 bytes). */
  @Provide
  Arbitrary<Bytes> values() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(70).map(Bytes::wrap);
  }

  @Provide
  Arbitrary<Map<Bytes, Bytes>> maps() {
    return Arbitraries.maps(keys(), values()).ofMaxSize(60);
  }

  @Provide
  Arbitrary<List<Map<Bytes, Optional<Bytes>>>> batches() {
    return Arbitraries.maps(keys(), values().optional(0.7)).ofMaxSize(25).list().ofMaxSize(8);
  }

  @Property(tries = 200)
  void applyInBatchesGivesTheSameRootAsBuildingFromScratch(
      @ForAll("batches") List<Map<Bytes, Optional<Bytes>>> batches, @ForAll StateVersion version) {
    InMemoryTrieNodes nodes = new InMemoryTrieNodes();
    MerkleTrie trie = new MerkleTrie(nodes);
    NavigableMap<Bytes, Bytes> expected = new TreeMap<>();
    Hash256 root = TrieRoot.EMPTY;
    for (Map<Bytes, Optional<Bytes>> batch : batches) {
      TrieCommit commit = trie.apply(root, new TreeMap<>(batch), version);
      nodes.add(commit);
      batch.forEach(
          (k, v) -> {
            if (v.isPresent()) {
              expected.put(k, v.get());
            } else {
              expected.remove(k);
            }
          });
      root = commit.root();
      assertThat(root).isEqualTo(TrieRoot.of(expected, version));
    }
    try (Stream<TrieEntry> entries = trie.entries(root, Bytes.EMPTY)) {
      assertThat(entries.map(e -> Map.entry(e.key(), e.value())).toList())
          .containsExactlyElementsOf(expected.entrySet());
    }
  }

  @Property(tries = 200)
  void getAndNextKeyAgreeWithASortedMap(
      @ForAll("maps") Map<Bytes, Bytes> entries,
      @ForAll("keys") Bytes probe,
      @ForAll StateVersion version) {
    NavigableMap<Bytes, Bytes> map = new TreeMap<>(entries);
    TrieCommit commit = TrieBuilder.build(map, version);
    MerkleTrie trie = new MerkleTrie(TrieNodeSource.of(commit.nodes()));
    assertThat(trie.get(commit.root(), probe)).isEqualTo(Optional.ofNullable(map.get(probe)));
    assertThat(trie.nextKey(commit.root(), probe))
        .isEqualTo(Optional.ofNullable(map.higherKey(probe)));
    for (Bytes key : map.keySet()) {
      assertThat(trie.get(commit.root(), key)).contains(map.get(key));
      assertThat(trie.nextKey(commit.root(), key))
          .isEqualTo(Optional.ofNullable(map.higherKey(key)));
    }
  }

  @Property(tries = 200)
  void iterationHonoursPrefixAndStartKey(
      @ForAll("maps") Map<Bytes, Bytes> entries,
      @ForAll("keys") Bytes prefix,
      @ForAll("keys") Bytes start) {
    NavigableMap<Bytes, Bytes> map = new TreeMap<>(entries);
    TrieCommit commit = TrieBuilder.build(map, StateVersion.V1);
    MerkleTrie trie = new MerkleTrie(TrieNodeSource.of(commit.nodes()));
    List<Bytes> expected =
        map.tailMap(start, true).keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    try (Stream<Bytes> keys = trie.keys(commit.root(), prefix, start)) {
      assertThat(keys.toList()).containsExactlyElementsOf(expected);
    }
    try (Stream<TrieEntry> found = trie.entries(commit.root(), prefix, start)) {
      assertThat(found.map(TrieEntry::value).toList())
          .containsExactlyElementsOf(expected.stream().map(map::get).toList());
    }
  }

  @Property(tries = 100)
  void rootIsIndependentOfInsertionOrder(
      @ForAll("maps") Map<Bytes, Bytes> entries, @ForAll long seed, @ForAll StateVersion version) {
    List<Map.Entry<Bytes, Bytes>> shuffled = new ArrayList<>(entries.entrySet());
    java.util.Collections.shuffle(shuffled, new Random(seed));
    InMemoryTrieNodes nodes = new InMemoryTrieNodes();
    MerkleTrie trie = new MerkleTrie(nodes);
    Hash256 root = TrieRoot.EMPTY;
    for (Map.Entry<Bytes, Bytes> e : shuffled) {
      TrieCommit commit =
          trie.apply(root, new TreeMap<>(Map.of(e.getKey(), Optional.of(e.getValue()))), version);
      nodes.add(commit);
      root = commit.root();
    }
    assertThat(root).isEqualTo(TrieRoot.of(new TreeMap<>(entries), version));
  }

  @Property(tries = 100)
  void deletingEverythingGivesTheEmptyRoot(
      @ForAll("maps") Map<Bytes, Bytes> entries, @ForAll StateVersion version) {
    TrieCommit built = TrieBuilder.build(new TreeMap<>(entries), version);
    NavigableMap<Bytes, Optional<Bytes>> deletions = new TreeMap<>();
    entries.keySet().forEach(k -> deletions.put(k, Optional.empty()));
    TrieCommit cleared =
        new MerkleTrie(TrieNodeSource.of(built.nodes())).apply(built.root(), deletions, version);
    assertThat(cleared.root()).isEqualTo(TrieRoot.EMPTY);
  }

  @Test
  void applyWithoutEffectiveChangesKeepsRootAndWritesNothing() {
    NavigableMap<Bytes, Bytes> map = new TreeMap<>();
    map.put(Bytes.fromHex("0x0102"), Bytes.fromHex("0xaa"));
    map.put(Bytes.fromHex("0x0103"), Bytes.fromHex("0xbb"));
    TrieCommit built = TrieBuilder.build(map, StateVersion.V0);
    MerkleTrie trie = new MerkleTrie(TrieNodeSource.of(built.nodes()));
    NavigableMap<Bytes, Optional<Bytes>> changes = new TreeMap<>();
    changes.put(Bytes.fromHex("0x0102"), Optional.of(Bytes.fromHex("0xaa")));
    changes.put(Bytes.fromHex("0x09"), Optional.empty());
    TrieCommit same = trie.apply(built.root(), changes, StateVersion.V0);
    assertThat(same.root()).isEqualTo(built.root());
    assertThat(same.nodes()).isEmpty();
  }

  @Test
  void applyDoesNotMutateTheSourceAndOldRootStaysReadable() {
    NavigableMap<Bytes, Bytes> map = randomMap(new Random(7), 500);
    TrieCommit built = TrieBuilder.build(map, StateVersion.V1);
    Map<Hash256, Bytes> stored = new HashMap<>(built.nodes());
    Map<Hash256, Bytes> snapshot = Map.copyOf(stored);
    MerkleTrie trie = new MerkleTrie(TrieNodeSource.of(stored));
    Bytes key = map.firstKey();
    TrieCommit next =
        trie.apply(
            built.root(),
            new TreeMap<>(Map.of(key, Optional.of(Bytes.fromHex("0x01")))),
            StateVersion.V1);
    assertThat(stored).isEqualTo(snapshot);
    stored.putAll(next.nodes());
    assertThat(trie.get(built.root(), key)).contains(map.get(key));
    assertThat(trie.get(next.root(), key)).contains(Bytes.fromHex("0x01"));
  }

  @Test
  void applyTouchesOnlyTheChangedPaths() {
    Random random = new Random(42);
    NavigableMap<Bytes, Bytes> map = randomMap(random, 20_000);
    TrieCommit built = TrieBuilder.build(map, StateVersion.V0);
    AtomicInteger loads = new AtomicInteger();
    Set<Hash256> loaded = new HashSet<>();
    TrieNodeSource counting =
        hash -> {
          loads.incrementAndGet();
          loaded.add(hash);
          return Optional.ofNullable(built.nodes().get(hash));
        };
    NavigableMap<Bytes, Optional<Bytes>> changes = new TreeMap<>();
    List<Bytes> existing = new ArrayList<>(map.keySet());
    for (int i = 0; i < 50; i++) {
      changes.put(existing.get(random.nextInt(existing.size())), Optional.of(Bytes.of((byte) i)));
      changes.put(randomKey(random), Optional.empty());
    }
    NavigableMap<Bytes, Bytes> expected = new TreeMap<>(map);
    changes.forEach(
        (k, v) -> v.ifPresentOrElse(val -> expected.put(k, val), () -> expected.remove(k)));
    TrieCommit next = new MerkleTrie(counting).apply(built.root(), changes, StateVersion.V0);
    assertThat(next.root()).isEqualTo(TrieRoot.of(expected, StateVersion.V0));
    // 20k random 32-byte keys: about 4 levels of branches; every path is loaded once.
    assertThat(loads.get()).isEqualTo(loaded.size());
    assertThat(loaded.size()).isLessThan(100 * 6).isGreaterThan(50);
    assertThat(next.nodes().size()).isLessThan(100 * 6);
  }

  @Test
  void missingNodesFailWithAClearStorageException() {
    NavigableMap<Bytes, Bytes> map = randomMap(new Random(3), 300);
    TrieCommit built = TrieBuilder.build(map, StateVersion.V0);
    Map<Hash256, Bytes> damaged = new HashMap<>(built.nodes());
    Hash256 victim =
        damaged.keySet().stream().filter(h -> !h.equals(built.root())).findFirst().orElseThrow();
    damaged.remove(victim);
    MerkleTrie trie = new MerkleTrie(TrieNodeSource.of(damaged));
    assertThatThrownBy(
            () -> {
              for (Bytes key : map.keySet()) {
                trie.get(built.root(), key);
              }
            })
        .isInstanceOf(MissingTrieNodeException.class)
        .hasMessageContaining(victim.toHex())
        .hasMessageContaining(built.root().toHex())
        .satisfies(e -> assertThat(((MissingTrieNodeException) e).hash()).isEqualTo(victim));
    NavigableMap<Bytes, Optional<Bytes>> deleteAll = new TreeMap<>();
    map.keySet().forEach(k -> deleteAll.put(k, Optional.empty()));
    assertThatThrownBy(() -> trie.apply(built.root(), deleteAll, StateVersion.V0))
        .isInstanceOf(MissingTrieNodeException.class)
        .hasMessageContaining("needed to change key");
    assertThatThrownBy(
            () -> new MerkleTrie(TrieNodeSource.empty()).get(built.root(), map.firstKey()))
        .isInstanceOf(MissingTrieNodeException.class)
        .hasMessageContaining("root");
    try (Stream<Bytes> keys = trie.keys(built.root(), Bytes.EMPTY)) {
      assertThatThrownBy(keys::count).isInstanceOf(MissingTrieNodeException.class);
    }
  }

  @Test
  void malformedStoredNodeIsAnUnrecoverableStorageException() {
    Hash256 root = Hash256.fromHex("0x" + "ab".repeat(32));
    MerkleTrie trie = new MerkleTrie(TrieNodeSource.of(Map.of(root, Bytes.fromHex("0x01"))));
    assertThatThrownBy(() -> trie.get(root, Bytes.EMPTY))
        .isInstanceOf(io.basalt.storage.StorageException.class)
        .hasMessageContaining("malformed")
        .satisfies(
            e -> assertThat(((io.basalt.storage.StorageException) e).unrecoverable()).isTrue());
  }

  @Test
  void v1AppliedToAV0TrieOnlyHashesValuesItWrites() {
    Bytes big = Bytes.wrap(new byte[40]);
    NavigableMap<Bytes, Bytes> map = new TreeMap<>();
    map.put(Bytes.fromHex("0x01"), big);
    map.put(Bytes.fromHex("0x02"), Bytes.fromHex("0x05"));
    TrieCommit v0 = TrieBuilder.build(map, StateVersion.V0);
    MerkleTrie trie = new MerkleTrie(TrieNodeSource.of(v0.nodes()));
    TrieCommit touchedOther =
        trie.apply(
            v0.root(),
            new TreeMap<>(Map.of(Bytes.fromHex("0x02"), Optional.of(Bytes.fromHex("0x06")))),
            StateVersion.V1);
    NavigableMap<Bytes, Bytes> after = new TreeMap<>(map);
    after.put(Bytes.fromHex("0x02"), Bytes.fromHex("0x06"));
    assertThat(touchedOther.root()).isEqualTo(TrieRoot.of(after, StateVersion.V0));
    TrieCommit rewritten =
        trie.apply(
            v0.root(),
            new TreeMap<>(
                Map.of(
                    Bytes.fromHex("0x01"), Optional.of(big),
                    Bytes.fromHex("0x02"), Optional.of(Bytes.fromHex("0x06")))),
            StateVersion.V1);
    assertThat(rewritten.root()).isEqualTo(TrieRoot.of(after, StateVersion.V1));
  }

  static NavigableMap<Bytes, Bytes> randomMap(Random random, int size) {
    NavigableMap<Bytes, Bytes> map = new TreeMap<>();
    while (map.size() < size) {
      byte[] value = new byte[1 + random.nextInt(60)];
      random.nextBytes(value);
      map.put(randomKey(random), Bytes.wrap(value));
    }
    return map;
  }

  static Bytes randomKey(Random random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return Bytes.wrap(key);
  }

  @Property(tries = 20)
  void keccakTriesDifferOnlyInTheHasher(
      @ForAll("maps") Map<Bytes, Bytes> entries, @ForAll @IntRange(min = 0, max = 1) int v) {
    StateVersion version = StateVersion.fromNumber(v);
    NavigableMap<Bytes, Bytes> map = new TreeMap<>(entries);
    TrieCommit keccak = TrieBuilder.build(map, version, TrieHasher.KECCAK_256);
    assertThat(keccak.root()).isEqualTo(TrieRoot.of(map, version, TrieHasher.KECCAK_256));
    MerkleTrie trie = new MerkleTrie(TrieNodeSource.of(keccak.nodes()), TrieHasher.KECCAK_256);
    for (Map.Entry<Bytes, Bytes> e : map.entrySet()) {
      assertThat(trie.get(keccak.root(), e.getKey())).contains(e.getValue());
    }
    if (!map.isEmpty()) {
      assertThat(keccak.root()).isNotEqualTo(TrieRoot.of(map, version));
    }
  }
}
