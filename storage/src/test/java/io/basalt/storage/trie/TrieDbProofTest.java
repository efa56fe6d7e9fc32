/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.types.StateVersion;
import io.basalt.testsupport.Fixtures;
import io.basalt.testsupport.TrieDbChunkProof;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Basalt's proofs against proofs Substrate's trie-db made, in both directions: Basalt's verifiers
 * accept trie-db's proofs for exactly what they prove and reject tampered copies, and Basalt's
 * generators produce trie-db's nodes, byte for byte, from the same trie.
 *
 * <p>Storage proofs ({@link TrieProof}): the six proofs of smoldot's prefix-proof test, generated
 * by a Substrate node for the keys of {@code Staking.Validators} on a real chain. Compact proofs
 * ({@link CompactTrieProof}): polkadot-sdk's transaction-storage benchmark proof ({@link
 * TrieDbChunkProof}).
 */
class TrieDbProofTest {
  /** {@code Perbill} is parts per billion: a commission is at most 100%. */
  private static final long PERBILL_ONE = 1_000_000_000L;

  /** smoldot's {@code lib/src/trie/prefix_proof/test.json}: its proofs, in the order received. */
  private record PrefixProofTest(
      Bytes prefix, Hash256 root, List<List<Bytes>> proofs, List<Bytes> expectedKeys) {
    static PrefixProofTest read() {
      JsonNode test =
          TrieFixtures.readJson(Fixtures.file("trie/smoldot-trie-prefix-proof-test.json"));
      List<List<Bytes>> proofs = new ArrayList<>();
      for (JsonNode proof : test.get("proofs")) {
        proofs.add(ScaleCodec.vec(ScaleCodec.BYTES).decode(Bytes.fromHex(proof.asText())));
      }
      List<Bytes> keys = new ArrayList<>();
      test.get("expected_entries").forEach(e -> keys.add(Bytes.fromHex(e.asText())));
      return new PrefixProofTest(
          Bytes.fromHex(test.get("prefix").asText()),
          Hash256.fromHex(test.get("trie_root_hash").asText()),
          proofs,
          keys);
    }

    /** Every node of the six proofs, once. */
    List<Bytes> allNodes() {
      Set<Bytes> all = new TreeSet<>();
      proofs.forEach(all::addAll);
      return List.copyOf(all);
    }
  }

  @Test
  void substrateStorageProofsProveTheirValuesAndAbsencesAndNothingElse() {
    PrefixProofTest test = PrefixProofTest.read();
    List<Bytes> nodes = test.allNodes();
    MerkleTrie trie = new MerkleTrie(new TrieProof(nodes).toNodeSource());
    List<TrieEntry> entries;
    try (Stream<TrieEntry> found = trie.entries(test.root(), test.prefix())) {
      entries = found.toList();
    }
    assertThat(entries.stream().map(TrieEntry::key).toList())
        .as("the keys under the prefix are exactly the expected ones")
        .hasSize(922)
        .containsExactlyInAnyOrderElementsOf(test.expectedKeys())
        .isSorted();
    // Staking.Validators: twox128("Staking") ++ twox128("Validators"), then Twox64Concat(account)
    // to ValidatorPrefs { commission: Compact<Perbill>, blocked: bool }. Every value the proof
    // yields must be one, so the verifier hands back the real values, not some other bytes.
    assertThat(test.prefix().toArray())
        .isEqualTo(concat(Hashing.twox128(ascii("Staking")), Hashing.twox128(ascii("Validators"))));
    for (TrieEntry entry : entries) {
      byte[] key = entry.key().toArray();
      byte[] account = Arrays.copyOfRange(key, 40, key.length);
      assertThat(account).as("an AccountId32").hasSize(32);
      assertThat(Arrays.copyOfRange(key, 32, 40)).isEqualTo(Hashing.twox64(account));
      ScaleReader prefs = new ScaleReader(entry.value().toArray());
      assertThat(prefs.readCompactU32()).as("commission").isBetween(0L, PERBILL_ONE);
      prefs.readBool(); // blocked: 0 or 1, anything else throws
      assertThat(prefs.remaining()).as("nothing after ValidatorPrefs").isZero();
    }

    // Each key proves its value through the public verifier, and only that value.
    for (TrieEntry entry : entries.subList(0, 40)) {
      assertThat(TrieProof.verify(test.root(), nodes, entry.key(), Optional.of(entry.value())))
          .isTrue();
      assertThat(TrieProof.verify(test.root(), nodes, entry.key(), Optional.empty())).isFalse();
      assertThat(
              TrieProof.verify(
                  test.root(), nodes, entry.key(), Optional.of(flipLastByte(entry.value()))))
          .isFalse();
    }
    // Keys under the prefix that are not listed are provably absent: a key running past a leaf,
    // and one between the leaves.
    Bytes pastLeaf = entries.getFirst().key().concat(Bytes.of((byte) 0));
    Bytes between = test.prefix().concat(Bytes.wrap(new byte[40]));
    for (Bytes absent : List.of(pastLeaf, between)) {
      assertThat(test.expectedKeys()).doesNotContain(absent);
      assertThat(TrieProof.verify(test.root(), nodes, absent, Optional.empty())).isTrue();
      assertThat(TrieProof.verify(test.root(), nodes, absent, Optional.of(Bytes.EMPTY))).isFalse();
    }
  }

  @Test
  void tamperedSubstrateStorageProofsProveNothing() {
    PrefixProofTest test = PrefixProofTest.read();
    List<Bytes> nodes = test.allNodes();
    TrieNodeSource source = new TrieProof(nodes).toNodeSource();
    Bytes key = test.expectedKeys().get(test.expectedKeys().size() / 2);
    Bytes value = new MerkleTrie(source).get(test.root(), key).orElseThrow();
    List<Bytes> path = TrieProof.generate(source, test.root(), List.of(key)).nodes();
    assertThat(path).hasSizeGreaterThan(3);
    for (Bytes node : path) {
      List<Bytes> flipped = new ArrayList<>(nodes);
      flipped.set(flipped.indexOf(node), flipLastByte(node));
      List<Bytes> missing = new ArrayList<>(nodes);
      missing.remove(node);
      for (List<Bytes> tampered : List.of(flipped, missing)) {
        assertThat(TrieProof.verify(test.root(), tampered, key, Optional.of(value))).isFalse();
        assertThat(TrieProof.verify(test.root(), tampered, key, Optional.empty())).isFalse();
      }
    }
    Hash256 wrongRoot = Hash256.wrap(flipLastByte(test.root().toBytes()).toArray());
    assertThat(TrieProof.verify(wrongRoot, nodes, key, Optional.of(value))).isFalse();
    assertThat(TrieProof.verify(wrongRoot, nodes, key, Optional.empty())).isFalse();
  }

  @Test
  void basaltRecordsTheStorageProofsSubstrateSent() {
    PrefixProofTest test = PrefixProofTest.read();
    List<Bytes> nodes = test.allNodes();
    for (Bytes node : nodes) {
      assertThat(TrieNodeCodec.encode(TrieNodeCodec.decode(node)))
          .as("re-encoded %s", node)
          .isEqualTo(node);
    }
    for (List<Bytes> proof : test.proofs()) {
      assertThat(proof).as("sorted and distinct, as TrieProof orders them").isSorted();
      assertThat(proof).doesNotHaveDuplicates();
    }
    TrieNodeSource store = new TrieProof(nodes).toNodeSource();
    // smoldot's first query is the prefix itself: the answer is the path down to it.
    assertThat(TrieProof.generate(store, test.root(), List.of(test.prefix())).nodes())
        .isEqualTo(test.proofs().getFirst());
    // Its later queries descend into every child found, so the six proofs hold the nodes on the
    // paths to the 922 keys and nothing else: exactly what Basalt records reading those keys.
    assertThat(TrieProof.generate(store, test.root(), test.expectedKeys()).nodes())
        .isEqualTo(nodes);
  }

  /** The trie {@link TrieDbChunkProof} proves a chunk of, built once (32,768 entries). */
  private static final class ChunkTrie {
    static final TrieDbChunkProof PROOF = TrieDbChunkProof.TRANSACTION_STORAGE_BENCHMARK;
    static final TrieCommit TRIE =
        TrieBuilder.build(
            TrieRoot.orderedEntries(
                Collections.nCopies(
                    PROOF.chunkCount(), Bytes.wrap(new byte[TrieDbChunkProof.CHUNK_SIZE]))),
            StateVersion.V1);
    static final List<Bytes> NODES = PROOF.nodes().stream().map(Bytes::fromHex).toList();
    static final Bytes KEY = TrieRoot.orderedKey(PROOF.chunkIndex());
    static final Bytes CHUNK = Bytes.wrap(new byte[TrieDbChunkProof.CHUNK_SIZE]);

    static boolean verify(Hash256 root, List<Bytes> proof, Bytes key, Optional<Bytes> value) {
      return CompactTrieProof.verify(
          root, proof, Map.of(key, value), StateVersion.V1, TrieHasher.BLAKE2B_256);
    }
  }

  @Test
  void trieDbsCompactProofProvesItsChunkAndNothingElse() {
    // The root comes from the chunks themselves (Basalt's trie builder), not from the proof.
    Hash256 root = ChunkTrie.TRIE.root();
    List<Bytes> proof = ChunkTrie.NODES;
    assertThat(ChunkTrie.KEY).isEqualTo(Bytes.fromHex(ChunkTrie.PROOF.key()));
    assertThat(ChunkTrie.verify(root, proof, ChunkTrie.KEY, Optional.of(ChunkTrie.CHUNK))).isTrue();
    assertThat(
            CompactTrieProof.verify(
                root,
                proof,
                ChunkTrie.KEY,
                Optional.of(ChunkTrie.CHUNK),
                StateVersion.V0,
                TrieHasher.BLAKE2B_256))
        .as("a 256-byte value goes back inline under V0: another root")
        .isFalse();
    assertThat(ChunkTrie.verify(root, proof, ChunkTrie.KEY, Optional.empty()))
        .as("claimed absent")
        .isFalse();
    assertThat(
            ChunkTrie.verify(
                root, proof, ChunkTrie.KEY, Optional.of(flipLastByte(ChunkTrie.CHUNK))))
        .isFalse();
    Bytes neighbour = TrieRoot.orderedKey(ChunkTrie.PROOF.chunkIndex() + 1);
    assertThat(ChunkTrie.verify(root, proof, neighbour, Optional.of(ChunkTrie.CHUNK)))
        .as("another chunk")
        .isFalse();
    assertThat(
            ChunkTrie.verify(
                Hash256.wrap(flipLastByte(root.toBytes()).toArray()),
                proof,
                ChunkTrie.KEY,
                Optional.of(ChunkTrie.CHUNK)))
        .as("wrong root")
        .isFalse();
    // Every single flipped byte, every missing node, an extra node, another order: all rejected.
    for (int n = 0; n < proof.size(); n++) {
      byte[] node = proof.get(n).toArray();
      for (int i = 0; i < node.length; i++) {
        List<Bytes> tampered = new ArrayList<>(proof);
        byte[] copy = node.clone();
        copy[i] ^= 1;
        tampered.set(n, Bytes.wrap(copy));
        assertThat(ChunkTrie.verify(root, tampered, ChunkTrie.KEY, Optional.of(ChunkTrie.CHUNK)))
            .as("byte %d of node %d flipped", i, n)
            .isFalse();
      }
      List<Bytes> missing = new ArrayList<>(proof);
      missing.remove(n);
      assertThat(ChunkTrie.verify(root, missing, ChunkTrie.KEY, Optional.of(ChunkTrie.CHUNK)))
          .as("node %d missing", n)
          .isFalse();
    }
    List<Bytes> extra = new ArrayList<>(proof);
    extra.add(proof.getLast());
    List<Bytes> reordered = new ArrayList<>(proof);
    Collections.swap(reordered, 1, 2);
    for (List<Bytes> tampered : List.of(extra, reordered)) {
      assertThat(ChunkTrie.verify(root, tampered, ChunkTrie.KEY, Optional.of(ChunkTrie.CHUNK)))
          .isFalse();
    }
  }

  @Test
  void basaltGeneratesTrieDbsCompactProof() {
    for (Bytes node : ChunkTrie.NODES) {
      assertThat(TrieNodeCodec.encode(TrieNodeCodec.decode(node)))
          .as("re-encoded %s", node)
          .isEqualTo(node);
    }
    assertThat(
            CompactTrieProof.generate(
                TrieNodeSource.of(ChunkTrie.TRIE.nodes()),
                ChunkTrie.TRIE.root(),
                List.of(ChunkTrie.KEY),
                TrieHasher.BLAKE2B_256))
        .isEqualTo(ChunkTrie.NODES);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static Bytes flipLastByte(Bytes bytes) {
    byte[] copy = bytes.toArray();
    copy[copy.length - 1] ^= 1;
    return Bytes.wrap(copy);
  }
}
