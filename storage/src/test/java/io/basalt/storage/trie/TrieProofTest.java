/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.StateVersion;
import io.basalt.testsupport.RandomCases;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TrieProofTest {

  /** Up to 80 entries with keys of up to 4 bytes and values on both sides of the V1 threshold. */
  static Map<Bytes, Bytes> map(SplittableRandom r) {
    Map<Bytes, Bytes> out = new java.util.HashMap<>();
    int size = r.nextInt(81);
    for (int i = 0; i < size; i++) {
      out.put(Bytes.wrap(RandomCases.bytes(r, 0, 4)), Bytes.wrap(RandomCases.bytes(r, 0, 50)));
    }
    return out;
  }

  /** Up to 6 probe keys of up to 4 bytes. */
  static List<Bytes> probes(SplittableRandom r) {
    List<Bytes> out = new ArrayList<>();
    int size = r.nextInt(7);
    for (int i = 0; i < size; i++) {
      out.add(Bytes.wrap(RandomCases.bytes(r, 0, 4)));
    }
    return out;
  }

  static StateVersion version(SplittableRandom r) {
    return r.nextBoolean() ? StateVersion.V0 : StateVersion.V1;
  }

  record StorageProofsProveValuesAndAbsencesCase(
      Map<Bytes, Bytes> entries, List<Bytes> probes, StateVersion version) {}

  @Test
  void storageProofsProveValuesAndAbsences() {
    RandomCases.forAll(
        200,
        r -> new StorageProofsProveValuesAndAbsencesCase(map(r), probes(r), version(r)),
        c -> storageProofsProveValuesAndAbsencesFor(c.entries(), c.probes(), c.version()));
  }

  private static void storageProofsProveValuesAndAbsencesFor(
      Map<Bytes, Bytes> entries, List<Bytes> probes, StateVersion version) {
    NavigableMap<Bytes, Bytes> map = new TreeMap<>(entries);
    TrieCommit commit = TrieBuilder.build(map, version);
    List<Bytes> keys = new ArrayList<>(probes);
    map.keySet().stream().limit(5).forEach(keys::add);
    TrieProof proof = TrieProof.generate(TrieNodeSource.of(commit.nodes()), commit.root(), keys);
    assertThat(proof.nodes()).isSorted().doesNotHaveDuplicates();
    assertThat(commit.nodes().values()).containsAll(proof.nodes());
    for (Bytes key : keys) {
      Optional<Bytes> actual = Optional.ofNullable(map.get(key));
      assertThat(TrieProof.verify(commit.root(), proof.nodes(), key, actual)).isTrue();
      Optional<Bytes> wrong =
          actual.isPresent() ? Optional.empty() : Optional.of(Bytes.fromHex("0x00"));
      assertThat(TrieProof.verify(commit.root(), proof.nodes(), key, wrong)).isFalse();
    }
  }

  record CompactProofsProveValuesAndAbsencesCase(
      Map<Bytes, Bytes> entries, List<Bytes> probes, StateVersion version) {}

  @Test
  void compactProofsProveValuesAndAbsences() {
    RandomCases.forAll(
        200,
        r -> new CompactProofsProveValuesAndAbsencesCase(map(r), probes(r), version(r)),
        c -> compactProofsProveValuesAndAbsencesFor(c.entries(), c.probes(), c.version()));
  }

  private static void compactProofsProveValuesAndAbsencesFor(
      Map<Bytes, Bytes> entries, List<Bytes> probes, StateVersion version) {
    NavigableMap<Bytes, Bytes> map = new TreeMap<>(entries);
    TrieCommit commit = TrieBuilder.build(map, version);
    Set<Bytes> keys = new HashSet<>(probes);
    map.keySet().stream().limit(5).forEach(keys::add);
    List<Bytes> proof =
        CompactTrieProof.generate(
            TrieNodeSource.of(commit.nodes()), commit.root(), keys, TrieHasher.BLAKE2B_256);
    Map<Bytes, Optional<Bytes>> claims = new TreeMap<>();
    keys.forEach(k -> claims.put(k, Optional.ofNullable(map.get(k))));
    assertThat(
            CompactTrieProof.verify(commit.root(), proof, claims, version, TrieHasher.BLAKE2B_256))
        .isTrue();
    for (Bytes key : keys) {
      Map<Bytes, Optional<Bytes>> wrong = new TreeMap<>(claims);
      wrong.put(
          key,
          claims.get(key).isPresent()
              ? Optional.of(claims.get(key).get().concat(Bytes.of((byte) 7)))
              : Optional.of(Bytes.EMPTY));
      assertThat(
              CompactTrieProof.verify(commit.root(), proof, wrong, version, TrieHasher.BLAKE2B_256))
          .isFalse();
    }
  }

  private static Bytes ascii(String s) {
    return Bytes.wrap(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /**
   * The entries of trie-db's own proof tests: inline and hashed leaves, branches with values. Only
   * the trie's shape is borrowed; the proofs below are Basalt's ({@link TrieDbProofTest} checks
   * proofs trie-db made).
   */
  private static NavigableMap<Bytes, Bytes> trieDbEntries() {
    NavigableMap<Bytes, Bytes> map = new TreeMap<>();
    map.put(ascii("alfa"), Bytes.wrap(new byte[32]));
    map.put(ascii("bravo"), ascii("bravo"));
    map.put(ascii("do"), ascii("verb"));
    map.put(ascii("dog"), ascii("puppy"));
    map.put(ascii("doge"), Bytes.wrap(new byte[32]));
    map.put(ascii("horse"), ascii("stallion"));
    map.put(ascii("house"), ascii("building"));
    return map;
  }

  @Test
  void compactProofsOfTrieDbsTestKeysRoundTrip() {
    NavigableMap<Bytes, Bytes> map = trieDbEntries();
    TrieCommit commit = TrieBuilder.build(map, StateVersion.V0);
    List<Bytes> keys =
        List.of(
            ascii("do"),
            ascii("dog"),
            ascii("doge"),
            ascii("bravo"),
            ascii("alfabet"),
            ascii("d"),
            Bytes.wrap(new byte[] {'d', 'o', 0x10}),
            ascii("halp"));
    List<Bytes> proof =
        CompactTrieProof.generate(
            TrieNodeSource.of(commit.nodes()), commit.root(), keys, TrieHasher.BLAKE2B_256);
    Map<Bytes, Optional<Bytes>> claims = new TreeMap<>();
    keys.forEach(k -> claims.put(k, Optional.ofNullable(map.get(k))));
    assertThat(
            CompactTrieProof.verify(
                commit.root(), proof, claims, StateVersion.V0, TrieHasher.BLAKE2B_256))
        .isTrue();
  }

  @Test
  void compactProofRejectsExtraneousNodesAndIncompleteProofs() {
    NavigableMap<Bytes, Bytes> map = trieDbEntries();
    TrieCommit commit = TrieBuilder.build(map, StateVersion.V0);
    TrieNodeSource source = TrieNodeSource.of(commit.nodes());
    List<Bytes> forTwo =
        CompactTrieProof.generate(
            source, commit.root(), List.of(ascii("bravo"), ascii("do")), TrieHasher.BLAKE2B_256);
    assertThat(
            CompactTrieProof.verify(
                commit.root(),
                forTwo,
                ascii("bravo"),
                Optional.of(ascii("bravo")),
                StateVersion.V0,
                TrieHasher.BLAKE2B_256))
        .as("a proof with nodes for another key")
        .isFalse();
    List<Bytes> forAlfa =
        CompactTrieProof.generate(
            source, commit.root(), List.of(ascii("alfa")), TrieHasher.BLAKE2B_256);
    assertThat(
            CompactTrieProof.verify(
                commit.root(),
                forAlfa.subList(0, forAlfa.size() - 1),
                ascii("alfa"),
                Optional.of(Bytes.wrap(new byte[32])),
                StateVersion.V0,
                TrieHasher.BLAKE2B_256))
        .as("incomplete proof")
        .isFalse();
    assertThat(
            CompactTrieProof.verify(
                commit.root(), List.of(), Map.of(), StateVersion.V0, TrieHasher.BLAKE2B_256))
        .as("no claims, no nodes")
        .isTrue();
  }

  @Test
  void compactProofValueLayoutFollowsTheStateVersion() {
    NavigableMap<Bytes, Bytes> map = new TreeMap<>();
    Bytes large = Bytes.wrap(new byte[64]);
    map.put(ascii("key1"), large);
    map.put(ascii("key2"), ascii("small"));
    TrieCommit v1 = TrieBuilder.build(map, StateVersion.V1);
    List<Bytes> proof =
        CompactTrieProof.generate(
            TrieNodeSource.of(v1.nodes()),
            v1.root(),
            List.of(ascii("key1")),
            TrieHasher.BLAKE2B_256);
    assertThat(
            CompactTrieProof.verify(
                v1.root(),
                proof,
                ascii("key1"),
                Optional.of(large),
                StateVersion.V1,
                TrieHasher.BLAKE2B_256))
        .isTrue();
    assertThat(
            CompactTrieProof.verify(
                v1.root(),
                proof,
                ascii("key1"),
                Optional.of(large),
                StateVersion.V0,
                TrieHasher.BLAKE2B_256))
        .isFalse();
  }

  @Test
  void keccakCompactProofsVerifyOnlyWithKeccak() {
    NavigableMap<Bytes, Bytes> map = trieDbEntries();
    TrieCommit commit = TrieBuilder.build(map, StateVersion.V0, TrieHasher.KECCAK_256);
    List<Bytes> proof =
        CompactTrieProof.generate(
            TrieNodeSource.of(commit.nodes()),
            commit.root(),
            List.of(ascii("horse")),
            TrieHasher.KECCAK_256);
    assertThat(
            CompactTrieProof.verify(
                commit.root(),
                proof,
                ascii("horse"),
                Optional.of(ascii("stallion")),
                StateVersion.V0,
                TrieHasher.KECCAK_256))
        .isTrue();
    assertThat(
            CompactTrieProof.verify(
                commit.root(),
                proof,
                ascii("horse"),
                Optional.of(ascii("stallion")),
                StateVersion.V0,
                TrieHasher.BLAKE2B_256))
        .isFalse();
    TrieProof storageProof =
        TrieProof.generate(
            TrieNodeSource.of(commit.nodes()),
            commit.root(),
            List.of(ascii("horse")),
            TrieHasher.KECCAK_256);
    assertThat(
            TrieProof.verify(
                commit.root(),
                storageProof.nodes(),
                ascii("horse"),
                Optional.of(ascii("stallion")),
                TrieHasher.KECCAK_256))
        .isTrue();
  }
}
