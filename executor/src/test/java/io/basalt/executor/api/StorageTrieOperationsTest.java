/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.StateVersion;
import io.basalt.storage.trie.CompactTrieProof;
import io.basalt.storage.trie.InMemoryTrieNodes;
import io.basalt.storage.trie.TrieBuilder;
import io.basalt.storage.trie.TrieCommit;
import io.basalt.storage.trie.TrieHasher;
import io.basalt.testsupport.TrieDbChunkProof;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StorageTrieOperationsTest {
  private static final TrieOperations TRIE = StorageTrieOperations.INSTANCE;
  private static final TrieOperations.Hasher BLAKE2 = TrieOperations.Hasher.BLAKE2_256;

  static Bytes ascii(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void rootMatchesTheKnownVectorInBothVersions() {
    List<TrieOperations.Entry> entries =
        List.of(
            new TrieOperations.Entry(ascii("key1"), ascii("value1")),
            new TrieOperations.Entry(ascii("key2"), ascii("value2")),
            new TrieOperations.Entry(
                ascii("key3"), ascii("verylargevaluewithmorethan32byteslength")));
    assertThat(TRIE.root(entries, StateVersion.V0, TrieOperations.Hasher.BLAKE2_256))
        .isEqualTo(
            Hash256.fromHex("71052d48704658a8435fb9cbc7ef69c75dad2f64001cb30bfa010f7d609e2657"));
    assertThat(TRIE.root(entries, StateVersion.V1, TrieOperations.Hasher.BLAKE2_256))
        .isEqualTo(
            Hash256.fromHex("6a4a732757263bf2bc4e03a341e3f8ea635f78996ec06a6a965d5097a2911c29"));
    assertThat(TRIE.root(List.of(), StateVersion.V0, TrieOperations.Hasher.KECCAK_256))
        .isEqualTo(TrieHasher.KECCAK_256.emptyRoot());
  }

  @Test
  void verifiesBasaltsOwnCompactProofsWithEitherHasherAndRejectsAWrongValueOrVersion() {
    TreeMap<Bytes, Bytes> entries = new TreeMap<>();
    for (int i = 0; i < 50; i++) {
      entries.put(ascii("key" + i), ascii("value-" + "x".repeat(i) + i));
    }
    for (TrieOperations.Hasher hasher : TrieOperations.Hasher.values()) {
      TrieHasher h =
          hasher == TrieOperations.Hasher.BLAKE2_256
              ? TrieHasher.BLAKE2B_256
              : TrieHasher.KECCAK_256;
      TrieCommit trie = TrieBuilder.build(entries, StateVersion.V1, h);
      Bytes key = ascii("key42");
      List<Bytes> proof =
          CompactTrieProof.generate(
              new InMemoryTrieNodes().add(trie), trie.root(), List.of(key), h);

      assertThat(
              TRIE.verifyProof(trie.root(), proof, key, entries.get(key), StateVersion.V1, hasher))
          .isTrue();
      assertThat(TRIE.verifyProof(trie.root(), proof, key, ascii("other"), StateVersion.V1, hasher))
          .isFalse();
      // The value is over 32 bytes: V0 would inline it, so the rebuilt root differs.
      assertThat(
              TRIE.verifyProof(trie.root(), proof, key, entries.get(key), StateVersion.V0, hasher))
          .isFalse();
    }
  }

  @Test
  void verifiesTrieDbsCompactProofOnlyForItsChunkLayoutAndHasher() {
    TrieDbChunkCase c = TrieDbChunkCase.transactionStorageBenchmark();
    Hash256 root = c.root();
    List<Bytes> proof = c.proof();
    assertThat(TRIE.verifyProof(root, proof, c.key(), c.chunk(), StateVersion.V1, BLAKE2)).isTrue();
    assertThat(TRIE.verifyProof(root, proof, c.key(), c.chunk(), StateVersion.V0, BLAKE2))
        .as("V0 layout")
        .isFalse();
    assertThat(
            TRIE.verifyProof(
                root, proof, c.key(), c.chunk(), StateVersion.V1, TrieOperations.Hasher.KECCAK_256))
        .as("Keccak")
        .isFalse();
    Bytes other =
        new ScaleWriter(5)
            .writeCompact(TrieDbChunkProof.TRANSACTION_STORAGE_BENCHMARK.chunkIndex() - 1)
            .toBytes();
    assertThat(TRIE.verifyProof(root, proof, other, c.chunk(), StateVersion.V1, BLAKE2))
        .as("another chunk")
        .isFalse();
    assertThat(TRIE.verifyProof(root, proof, c.key(), ascii("x"), StateVersion.V1, BLAKE2))
        .as("another value")
        .isFalse();
    for (int n = 0; n < proof.size(); n++) {
      List<Bytes> flipped = new ArrayList<>(proof);
      byte[] node = proof.get(n).toArray();
      node[node.length / 2] ^= 1;
      flipped.set(n, Bytes.wrap(node));
      assertThat(TRIE.verifyProof(root, flipped, c.key(), c.chunk(), StateVersion.V1, BLAKE2))
          .as("node %d changed", n)
          .isFalse();
      List<Bytes> missing = new ArrayList<>(proof);
      missing.remove(n);
      assertThat(TRIE.verifyProof(root, missing, c.key(), c.chunk(), StateVersion.V1, BLAKE2))
          .as("node %d missing", n)
          .isFalse();
    }
  }
}
