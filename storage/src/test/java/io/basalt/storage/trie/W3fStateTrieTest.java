/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties over the Polkadot host conformance suite's state-trie inputs (no published roots, so
 * the implementations are checked against each other and against a sorted map).
 */
class W3fStateTrieTest {

  static Stream<TrieFixtures.W3fInput> inputs() {
    return TrieFixtures.w3fInputs().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void rootIsIndependentOfInsertionOrderAndBatching(TrieFixtures.W3fInput input) {
    NavigableMap<Bytes, Bytes> map = input.toMap();
    for (StateVersion version : StateVersion.values()) {
      Hash256 expected = TrieRoot.of(map, version);
      for (long seed = 1; seed <= 3; seed++) {
        Random random = new Random(seed);
        List<Map.Entry<Bytes, Bytes>> order = new ArrayList<>(map.entrySet());
        Collections.shuffle(order, random);
        InMemoryTrieNodes nodes = new InMemoryTrieNodes();
        MerkleTrie trie = new MerkleTrie(nodes);
        Hash256 root = TrieRoot.EMPTY;
        int i = 0;
        while (i < order.size()) {
          int size = 1 + random.nextInt(Math.max(1, order.size() / 4));
          NavigableMap<Bytes, Optional<Bytes>> batch = new TreeMap<>();
          for (Map.Entry<Bytes, Bytes> e : order.subList(i, Math.min(order.size(), i + size))) {
            batch.put(e.getKey(), Optional.of(e.getValue()));
          }
          TrieCommit commit = trie.apply(root, batch, version);
          nodes.add(commit);
          root = commit.root();
          i += size;
        }
        assertThat(root).as("%s %s seed %d", input, version, seed).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void v0AndV1AgreeExactlyWhenNoValueExceeds32Bytes(TrieFixtures.W3fInput input) {
    NavigableMap<Bytes, Bytes> map = input.toMap();
    boolean hasLarge = map.values().stream().anyMatch(v -> v.length() > 32);
    Hash256 v0 = TrieRoot.of(map, StateVersion.V0);
    Hash256 v1 = TrieRoot.of(map, StateVersion.V1);
    if (hasLarge) {
      assertThat(v1).isNotEqualTo(v0);
    } else {
      assertThat(v1).isEqualTo(v0);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void getAndNextKeyAgreeWithASortedMap(TrieFixtures.W3fInput input) {
    NavigableMap<Bytes, Bytes> map = input.toMap();
    TrieCommit commit = TrieBuilder.build(map, StateVersion.V1);
    MerkleTrie trie = new MerkleTrie(TrieNodeSource.of(commit.nodes()));
    List<Bytes> probes = new ArrayList<>(map.keySet());
    for (Bytes key : map.keySet()) {
      probes.add(key.concat(Bytes.of((byte) 0)));
      probes.add(key.slice(0, key.length() / 2));
    }
    probes.add(Bytes.EMPTY);
    probes.add(Bytes.fromHex("0xffffffff"));
    for (Bytes probe : probes) {
      assertThat(trie.get(commit.root(), probe)).isEqualTo(Optional.ofNullable(map.get(probe)));
      assertThat(trie.nextKey(commit.root(), probe))
          .as("next key after %s", probe)
          .isEqualTo(Optional.ofNullable(map.higherKey(probe)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void proofsRoundTripAndTamperedProofsFail(TrieFixtures.W3fInput input) {
    NavigableMap<Bytes, Bytes> map = input.toMap();
    for (StateVersion version : StateVersion.values()) {
      TrieCommit commit = TrieBuilder.build(map, version);
      TrieNodeSource source = TrieNodeSource.of(commit.nodes());
      List<Bytes> keys = new ArrayList<>(map.keySet());
      Collections.shuffle(keys, new Random(5));
      for (Bytes key : keys.subList(0, Math.min(60, keys.size()))) {
        Optional<Bytes> value = Optional.of(map.get(key));
        TrieProof proof = TrieProof.generate(source, commit.root(), List.of(key));
        assertThat(TrieProof.verify(commit.root(), proof.nodes(), key, value)).isTrue();
        assertThat(
                TrieProof.verify(
                    commit.root(),
                    proof.nodes(),
                    key,
                    Optional.of(value.get().concat(Bytes.of((byte) 1)))))
            .isFalse();
        assertThat(TrieProof.verify(commit.root(), tamper(proof.nodes()), key, value)).isFalse();

        List<Bytes> compact =
            CompactTrieProof.generate(source, commit.root(), List.of(key), TrieHasher.BLAKE2B_256);
        assertThat(
                CompactTrieProof.verify(
                    commit.root(), compact, key, value, version, TrieHasher.BLAKE2B_256))
            .isTrue();
        assertThat(
                CompactTrieProof.verify(
                    commit.root(), tamper(compact), key, value, version, TrieHasher.BLAKE2B_256))
            .isFalse();
        assertThat(
                CompactTrieProof.verify(
                    commit.root(), compact, key, Optional.empty(), version, TrieHasher.BLAKE2B_256))
            .isFalse();
      }
    }
  }

  /** Flips one bit in the middle of the largest node. */
  static List<Bytes> tamper(List<Bytes> proof) {
    List<Bytes> out = new ArrayList<>(proof);
    int largest = 0;
    for (int i = 1; i < out.size(); i++) {
      if (out.get(i).length() > out.get(largest).length()) {
        largest = i;
      }
    }
    byte[] node = out.get(largest).toArray();
    node[node.length / 2] ^= 0x01;
    out.set(largest, Bytes.wrap(node));
    return out;
  }
}
