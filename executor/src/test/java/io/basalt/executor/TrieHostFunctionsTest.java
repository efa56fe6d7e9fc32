/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import static io.basalt.executor.WatProbes.EXECUTOR;
import static io.basalt.executor.WatProbes.SERVICES;
import static io.basalt.executor.WatProbes.ascii;
import static io.basalt.executor.WatProbes.b;
import static io.basalt.executor.WatProbes.concat;
import static io.basalt.executor.WatProbes.ext;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.executor.api.TrieDbChunkCase;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.scale.Tuple2;
import io.basalt.primitives.types.Header;
import io.basalt.storage.trie.CompactTrieProof;
import io.basalt.storage.trie.MerkleTrie;
import io.basalt.storage.trie.TrieHasher;
import io.basalt.storage.trie.TrieNodeSource;
import io.basalt.storage.trie.TrieProof;
import io.basalt.testsupport.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ext_trie_*}: roots against known answers (host-api.md §12, Kusama #1's extrinsics root)
 * and single-leaf tries encoded by hand from host-api.md §8; proof verification of the compact
 * proof trie-db made for polkadot-sdk's transaction-storage benchmark, and of compact proofs Basalt
 * makes from a real state (smoldot's prefix-proof fixture).
 */
class TrieHostFunctionsTest {
  private static byte[] pairs(String... keysAndValues) {
    List<Tuple2<Bytes, Bytes>> list = new ArrayList<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      list.add(new Tuple2<>(b(keysAndValues[i]), b(keysAndValues[i + 1])));
    }
    return ScaleCodec.vec(ScaleCodec.tuple(ScaleCodec.BYTES, ScaleCodec.BYTES)).encode(list);
  }

  private static byte[] items(List<Bytes> values) {
    return ScaleCodec.vec(ScaleCodec.BYTES).encode(values);
  }

  private static final String[] VECTOR = {
    "key1", "value1", "key2", "value2", "key3", "verylargevaluewithmorethan32byteslength"
  };
  private static final Hash256 VECTOR_V0 =
      Hash256.fromHex("0x71052d48704658a8435fb9cbc7ef69c75dad2f64001cb30bfa010f7d609e2657");
  private static final Hash256 VECTOR_V1 =
      Hash256.fromHex("0x6a4a732757263bf2bc4e03a341e3f8ea635f78996ec06a6a965d5097a2911c29");
  private static final Hash256 EMPTY_BLAKE2 =
      Hash256.fromHex("0x03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314");

  private Hash256 root(HostCallProbe probe) {
    return Hash256.wrap(probe.pointedBytes(EXECUTOR, ext(), SERVICES, 32));
  }

  @Test
  void blake2RootV1AndV2MatchKnownRoots() {
    assertThat(root(HostCallProbe.of("ext_trie_blake2_256_root_version_1").ps(pairs(VECTOR))))
        .isEqualTo(VECTOR_V0);
    assertThat(
            root(HostCallProbe.of("ext_trie_blake2_256_root_version_2").ps(pairs(VECTOR)).i32(0)))
        .isEqualTo(VECTOR_V0);
    assertThat(
            root(HostCallProbe.of("ext_trie_blake2_256_root_version_2").ps(pairs(VECTOR)).i32(1)))
        .isEqualTo(VECTOR_V1);
    assertThat(root(HostCallProbe.of("ext_trie_blake2_256_root_version_1").ps(pairs())))
        .isEqualTo(EMPTY_BLAKE2);
  }

  @Test
  void blake2OrderedRootIsKusamaBlockOnesExtrinsicsRoot() throws IOException {
    JsonNode block =
        new ObjectMapper()
            .readTree(Fixtures.file("blocks/kusama-1.json").toFile())
            .get("blocks")
            .get(0);
    Header header = Header.CODEC.decode(Hex.decode(block.get("header").asText()));
    // The body is a Vec of opaque extrinsics; each item of the ordered trie is one extrinsic
    // with its own length prefix, as it appears in the body.
    ScaleReader body = new ScaleReader(Hex.decode(block.get("body").asText()));
    int count = body.readCompactInt();
    List<Bytes> extrinsics = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Bytes ext = body.readByteVec();
      extrinsics.add(
          Bytes.wrap(
              concat(new ScaleWriter().writeCompact(ext.length()).toByteArray(), ext.toArray())));
    }
    Hash256 expected = header.extrinsicsRoot();
    assertThat(
            root(
                HostCallProbe.of("ext_trie_blake2_256_ordered_root_version_1")
                    .ps(items(extrinsics))))
        .isEqualTo(expected);
    // Both extrinsics are shorter than 33 bytes, so V1 hashes no value: the same root.
    assertThat(extrinsics).allSatisfy(e -> assertThat(e.length()).isLessThan(33));
    assertThat(
            root(
                HostCallProbe.of("ext_trie_blake2_256_ordered_root_version_2")
                    .ps(items(extrinsics))
                    .i32(1)))
        .isEqualTo(expected);
  }

  /** A one-leaf trie by hand: header, partial key (whole key), value inline or hashed. */
  private Hash256 keccakLeafRoot(byte[] key, byte[] value, boolean hashedValue) {
    int nibbles = key.length * 2;
    byte[] node =
        hashedValue
            ? concat(new byte[] {(byte) (0x20 | nibbles)}, key, Hashing.keccak256(value))
            : concat(
                new byte[] {(byte) (0x40 | nibbles)},
                key,
                new ScaleWriter().writeByteVec(value).toByteArray());
    return Hash256.wrap(Hashing.keccak256(node));
  }

  @Test
  void keccakRootsMatchHandEncodedTries() {
    byte[] large = ascii("a value of more than thirty-two bytes, hashed in V1");
    // The empty trie's root is the hash of the single byte 0x00.
    assertThat(root(HostCallProbe.of("ext_trie_keccak_256_root_version_1").ps(pairs())))
        .isEqualTo(Hash256.wrap(Hashing.keccak256(new byte[] {0})));
    assertThat(root(HostCallProbe.of("ext_trie_keccak_256_root_version_1").ps(pairs("k", "v"))))
        .isEqualTo(keccakLeafRoot(ascii("k"), ascii("v"), false));
    String largeText = new String(large, StandardCharsets.US_ASCII);
    assertThat(
            root(
                HostCallProbe.of("ext_trie_keccak_256_root_version_2")
                    .ps(pairs("k", largeText))
                    .i32(0)))
        .isEqualTo(keccakLeafRoot(ascii("k"), large, false));
    assertThat(
            root(
                HostCallProbe.of("ext_trie_keccak_256_root_version_2")
                    .ps(pairs("k", largeText))
                    .i32(1)))
        .isEqualTo(keccakLeafRoot(ascii("k"), large, true));
    // Ordered: the single item's key is compact(0) = 0x00.
    assertThat(
            root(
                HostCallProbe.of("ext_trie_keccak_256_ordered_root_version_1")
                    .ps(items(List.of(Bytes.wrap(large))))))
        .isEqualTo(keccakLeafRoot(new byte[] {0}, large, false));
    assertThat(
            root(
                HostCallProbe.of("ext_trie_keccak_256_ordered_root_version_2")
                    .ps(items(List.of(Bytes.wrap(large))))
                    .i32(1)))
        .isEqualTo(keccakLeafRoot(new byte[] {0}, large, true));
  }

  private long verify(int version, Hash256 root, List<Bytes> proof, Bytes key, Bytes value) {
    HostCallProbe probe =
        HostCallProbe.of(
                version < 0
                    ? "ext_trie_blake2_256_verify_proof_version_1"
                    : "ext_trie_blake2_256_verify_proof_version_2")
            .ptr(root.toArray())
            .ps(items(proof))
            .ps(key.toArray())
            .ps(value.toArray());
    if (version >= 0) {
      probe.i32(version);
    }
    return probe.value(EXECUTOR, ext(), SERVICES);
  }

  @Test
  void verifyProofChecksBasaltsCompactProofsOverARealStateAndRejectsTampering() throws IOException {
    JsonNode fixture =
        new ObjectMapper()
            .readTree(Fixtures.file("trie/smoldot-trie-prefix-proof-test.json").toFile());
    Hash256 root = Hash256.fromHex(fixture.get("trie_root_hash").asText());
    // The fixture's proofs are storage proofs (sets of full nodes) from a real chain. The host
    // function takes trie-db's compact proofs: make one for a key from those nodes. The value
    // is never in a compact proof; only the right value rebuilds the real root.
    Map<Hash256, Bytes> nodes = new HashMap<>();
    for (JsonNode proof : fixture.get("proofs")) {
      for (Bytes node : ScaleCodec.vec(ScaleCodec.BYTES).decode(Hex.decode(proof.asText()))) {
        nodes.put(Hashing.blake2b256Hash(node.unsafeArray()), node);
      }
    }
    TrieNodeSource source = TrieNodeSource.of(nodes);
    MerkleTrie trie = new MerkleTrie(source);
    Map<Bytes, Bytes> entries = new LinkedHashMap<>();
    for (JsonNode entry : fixture.get("expected_entries")) {
      Bytes key = Bytes.fromHex(entry.asText());
      entries.put(key, trie.get(root, key).orElseThrow());
    }
    assertThat(entries).hasSize(fixture.get("expected_entries").size());
    Map.Entry<Bytes, Bytes> first = entries.entrySet().iterator().next();
    checkProofs(root, source, first.getKey(), first.getValue());
    // A value longer than 32 bytes goes back hashed under V1: not this (V0) trie's root.
    entries.entrySet().stream()
        .filter(e -> e.getValue().length() > 32)
        .findFirst()
        .ifPresent(
            e -> {
              List<Bytes> proof = compactProof(source, root, e.getKey());
              assertThat(verify(0, root, proof, e.getKey(), e.getValue())).isEqualTo(1);
              assertThat(verify(1, root, proof, e.getKey(), e.getValue())).as("V1").isZero();
            });
  }

  private List<Bytes> compactProof(TrieNodeSource source, Hash256 root, Bytes key) {
    return CompactTrieProof.generate(source, root, List.of(key), TrieHasher.BLAKE2B_256);
  }

  private void checkProofs(Hash256 root, TrieNodeSource source, Bytes key, Bytes value) {
    List<Bytes> compact = compactProof(source, root, key);
    assertThat(verify(-1, root, compact, key, value)).as("v1").isEqualTo(1);
    assertThat(verify(0, root, compact, key, value)).as("v2, V0").isEqualTo(1);
    if (value.length() <= 32) {
      assertThat(verify(1, root, compact, key, value)).as("v2, V1: inline too").isEqualTo(1);
    }
    byte[] wrong = value.toArray();
    wrong[wrong.length - 1] ^= 1;
    assertThat(verify(-1, root, compact, key, Bytes.wrap(wrong))).as("wrong value").isZero();
    List<Bytes> tampered = new ArrayList<>(compact);
    byte[] node = tampered.get(0).toArray();
    node[node.length - 1] ^= 1;
    tampered.set(0, Bytes.wrap(node));
    assertThat(verify(-1, root, tampered, key, value)).as("tampered proof").isZero();
    assertThat(verify(-1, root, compact.subList(0, compact.size() - 1), key, value))
        .as("truncated proof")
        .isZero();
    Hash256 otherRoot = Hash256.wrap(Hashing.blake2b256(root.toArray()));
    assertThat(verify(-1, otherRoot, compact, key, value)).as("other root").isZero();
    List<Bytes> plain = TrieProof.generate(source, root, List.of(key)).nodes();
    assertThat(verify(-1, root, plain, key, value))
        .as("a plain storage proof is not a compact proof")
        .isZero();
  }

  @Test
  void verifyProofAcceptsTrieDbsCompactProofAsPalletTransactionStorageChecksIt() {
    TrieDbChunkCase c = TrieDbChunkCase.transactionStorageBenchmark();
    List<Bytes> proof = c.proof();
    assertThat(verify(1, c.root(), proof, c.key(), c.chunk()))
        .as("v2 with state version 1")
        .isEqualTo(1);
    assertThat(verify(-1, c.root(), proof, c.key(), c.chunk())).as("v1 is the V0 layout").isZero();
    assertThat(verify(0, c.root(), proof, c.key(), c.chunk()))
        .as("v2 with state version 0")
        .isZero();
    for (int n = 0; n < proof.size(); n++) {
      List<Bytes> tampered = new ArrayList<>(proof);
      byte[] node = proof.get(n).toArray();
      node[0] ^= 1;
      tampered.set(n, Bytes.wrap(node));
      assertThat(verify(1, c.root(), tampered, c.key(), c.chunk()))
          .as("node %d's header changed", n)
          .isZero();
    }
    assertThat(verify(1, c.root(), proof.subList(1, proof.size()), c.key(), c.chunk()))
        .as("root node missing")
        .isZero();
    Hash256 otherRoot = Hash256.wrap(Hashing.blake2b256(c.root().toArray()));
    assertThat(verify(1, otherRoot, proof, c.key(), c.chunk())).as("other root").isZero();
  }
}
