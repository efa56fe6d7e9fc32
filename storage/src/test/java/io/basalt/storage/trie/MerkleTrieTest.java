/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import io.basalt.testsupport.RandomCases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MerkleTrieTest {

  private static final byte[] KEY_ALPHABET = {0x00, 0x01, 0x10, 0x1f, (byte) 0xff};

  /** Keys from a tiny alphabet, so that prefixes, shared paths and the empty key all occur. */
  static Bytes key(SplittableRandom r) {
    byte[] b = new byte[r.nextInt(6)];
    for (int i = 0; i < b.length; i++) {
      b[i] = KEY_ALPHABET[r.nextInt(KEY_ALPHABET.length)];
    }
    return Bytes.wrap(b);
  }

  /** Values on both sides of the V1 threshold (33 bytes). */
  static Bytes value(SplittableRandom r) {
    return Bytes.wrap(RandomCases.bytes(r, 0, 70));
  }

  static Map<Bytes, Bytes> map(SplittableRandom r) {
    Map<Bytes, Bytes> out = new java.util.HashMap<>();
    int size = r.nextInt(61);
    for (int i = 0; i < size; i++) {
      out.put(key(r), value(r));
    }
    return out;
  }

  /** Up to 8 batches of up to 25 changes, 30% of them deletions. */
  static List<Map<Bytes, Optional<Bytes>>> batches(SplittableRandom r) {
    List<Map<Bytes, Optional<Bytes>>> out = new ArrayList<>();
    int count = r.nextInt(9);
    for (int b = 0; b < count; b++) {
      Map<Bytes, Optional<Bytes>> batch = new java.util.HashMap<>();
      int size = r.nextInt(26);
      for (int i = 0; i < size; i++) {
        batch.put(key(r), r.nextInt(10) < 7 ? Optional.of(value(r)) : Optional.empty());
      }
      out.add(batch);
    }
    return out;
  }

  static StateVersion version(SplittableRandom r) {
    return r.nextBoolean() ? StateVersion.V0 : StateVersion.V1;
  }

  record ApplyInBatchesGivesTheSameRootAsBuildingFromScratchCase(
      List<Map<Bytes, Optional<Bytes>>> batches, StateVersion version) {}

  @Test
  void applyInBatchesGivesTheSameRootAsBuildingFromScratch() {
    RandomCases.forAll(
        200,
        r -> new ApplyInBatchesGivesTheSameRootAsBuildingFromScratchCase(batches(r), version(r)),
        c -> applyInBatchesGivesTheSameRootAsBuildingFromScratchFor(c.batches(), c.version()));
  }

  private static void applyInBatchesGivesTheSameRootAsBuildingFromScratchFor(
      List<Map<Bytes, Optional<Bytes>>> batches, StateVersion version) {
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

  record GetAndNextKeyAgreeWithASortedMapCase(
      Map<Bytes, Bytes> entries, Bytes probe, StateVersion version) {}

  @Test
  void getAndNextKeyAgreeWithASortedMap() {
    RandomCases.forAll(
        200,
        r -> new GetAndNextKeyAgreeWithASortedMapCase(map(r), key(r), version(r)),
        c -> getAndNextKeyAgreeWithASortedMapFor(c.entries(), c.probe(), c.version()));
  }

  private static void getAndNextKeyAgreeWithASortedMapFor(
      Map<Bytes, Bytes> entries, Bytes probe, StateVersion version) {
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

  record IterationHonoursPrefixAndStartKeyCase(
      Map<Bytes, Bytes> entries, Bytes prefix, Bytes start) {}

  @Test
  void iterationHonoursPrefixAndStartKey() {
    RandomCases.forAll(
        200,
        r -> new IterationHonoursPrefixAndStartKeyCase(map(r), key(r), key(r)),
        c -> iterationHonoursPrefixAndStartKeyFor(c.entries(), c.prefix(), c.start()));
  }

  private static void iterationHonoursPrefixAndStartKeyFor(
      Map<Bytes, Bytes> entries, Bytes prefix, Bytes start) {
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

  record ClosestDescendantCase(Map<Bytes, Bytes> entries, Bytes probe, StateVersion version) {}

  @Test
  void closestDescendantMerkleValueNamesTheSubtreeUnderAKey() {
    RandomCases.forAll(
        300,
        r -> new ClosestDescendantCase(map(r), key(r), version(r)),
        c -> closestDescendantFor(c.entries(), c.probe(), c.version()));
  }

  private static void closestDescendantFor(
      Map<Bytes, Bytes> entries, Bytes probe, StateVersion version) {
    NavigableMap<Bytes, Bytes> map = new TreeMap<>(entries);
    TrieCommit commit = TrieBuilder.build(map, version);
    MerkleTrie trie = new MerkleTrie(TrieNodeSource.of(commit.nodes()));
    Optional<Bytes> found = trie.closestDescendantMerkleValue(commit.root(), probe);
    List<Bytes> under = map.keySet().stream().filter(k -> k.startsWith(probe)).toList();
    assertThat(found.isPresent())
        .as("a node lies under the key iff a key starts with it")
        .isEqualTo(!under.isEmpty());
    if (found.isEmpty()) {
      return;
    }
    Bytes value = found.get();
    if (value.length() == Hash256.LENGTH) {
      assertThat(commit.nodes()).containsKey(Hash256.of(value.toArray()));
    } else {
      assertThat(TrieNodeCodec.decode(value)).as("an inline node's encoding").isNotNull();
    }
    if (probe.isEmpty()) {
      assertThat(value).isEqualTo(Bytes.wrap(commit.root().toArray()));
    }
    Bytes inside = under.getFirst();
    NavigableMap<Bytes, Optional<Bytes>> changeInside = new TreeMap<>();
    changeInside.put(inside, Optional.of(map.get(inside).concat(Bytes.of((byte) 7))));
    TrieCommit changed = trie.apply(commit.root(), changeInside, version);
    MerkleTrie both = new MerkleTrie(TrieNodeSource.of(merged(commit, changed)));
    assertThat(both.closestDescendantMerkleValue(changed.root(), probe))
        .as("a value under the key changed")
        .isNotEqualTo(found);
    Optional<Bytes> outside = map.keySet().stream().filter(k -> !k.startsWith(probe)).findFirst();
    if (outside.isPresent()) {
      NavigableMap<Bytes, Optional<Bytes>> changeOutside = new TreeMap<>();
      changeOutside.put(
          outside.get(), Optional.of(map.get(outside.get()).concat(Bytes.of((byte) 7))));
      TrieCommit elsewhere = trie.apply(commit.root(), changeOutside, version);
      MerkleTrie all = new MerkleTrie(TrieNodeSource.of(merged(commit, elsewhere)));
      assertThat(all.closestDescendantMerkleValue(elsewhere.root(), probe))
          .as("only a value elsewhere changed")
          .isEqualTo(found);
    }
  }

  private static Map<Hash256, Bytes> merged(TrieCommit a, TrieCommit b) {
    Map<Hash256, Bytes> nodes = new HashMap<>(a.nodes());
    nodes.putAll(b.nodes());
    return nodes;
  }

  @Test
  void closestDescendantOfAnEmptyTrieOrAnUnrelatedKeyIsNothing() {
    MerkleTrie empty = new MerkleTrie(TrieNodeSource.empty());
    assertThat(empty.closestDescendantMerkleValue(empty.emptyRoot(), Bytes.EMPTY)).isEmpty();
    NavigableMap<Bytes, Bytes> one =
        new TreeMap<>(Map.of(Bytes.fromHex("0x0102"), Bytes.of((byte) 1)));
    TrieCommit commit = TrieBuilder.build(one, StateVersion.V1);
    MerkleTrie trie = new MerkleTrie(TrieNodeSource.of(commit.nodes()));
    Bytes root = Bytes.wrap(commit.root().toArray());
    assertThat(trie.closestDescendantMerkleValue(commit.root(), Bytes.fromHex("0x01")))
        .contains(root);
    assertThat(trie.closestDescendantMerkleValue(commit.root(), Bytes.fromHex("0x0102")))
        .contains(root);
    assertThat(trie.closestDescendantMerkleValue(commit.root(), Bytes.fromHex("0x0103"))).isEmpty();
    assertThat(trie.closestDescendantMerkleValue(commit.root(), Bytes.fromHex("0x010200")))
        .isEmpty();
  }

  record RootIsIndependentOfInsertionOrderCase(
      Map<Bytes, Bytes> entries, long seed, StateVersion version) {}

  @Test
  void rootIsIndependentOfInsertionOrder() {
    RandomCases.forAll(
        100,
        r -> new RootIsIndependentOfInsertionOrderCase(map(r), r.nextLong(), version(r)),
        c -> rootIsIndependentOfInsertionOrderFor(c.entries(), c.seed(), c.version()));
  }

  private static void rootIsIndependentOfInsertionOrderFor(
      Map<Bytes, Bytes> entries, long seed, StateVersion version) {
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

  record DeletingEverythingGivesTheEmptyRootCase(Map<Bytes, Bytes> entries, StateVersion version) {}

  @Test
  void deletingEverythingGivesTheEmptyRoot() {
    RandomCases.forAll(
        100,
        r -> new DeletingEverythingGivesTheEmptyRootCase(map(r), version(r)),
        c -> deletingEverythingGivesTheEmptyRootFor(c.entries(), c.version()));
  }

  private static void deletingEverythingGivesTheEmptyRootFor(
      Map<Bytes, Bytes> entries, StateVersion version) {
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
        .hasMessageContaining("at path ")
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

  record KeccakTriesDifferOnlyInTheHasherCase(Map<Bytes, Bytes> entries, int v) {}

  @Test
  void keccakTriesDifferOnlyInTheHasher() {
    RandomCases.forAll(
        20,
        r -> new KeccakTriesDifferOnlyInTheHasherCase(map(r), r.nextInt(2)),
        c -> keccakTriesDifferOnlyInTheHasherFor(c.entries(), c.v()));
  }

  private static void keccakTriesDifferOnlyInTheHasherFor(Map<Bytes, Bytes> entries, int v) {
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
