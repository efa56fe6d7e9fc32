/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.Bytes;
import io.basalt.primitives.types.Hash256;
import io.basalt.primitives.types.StateVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Known-answer roots from host-api.md §12 and the real chain specs. */
class TrieRootTest {

  private static Bytes ascii(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @EnumSource(StateVersion.class)
  void emptyTrieRootIsHashOfZeroByte(StateVersion version) {
    Hash256 expected =
        Hash256.fromHex("0x03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314");
    assertThat(TrieRoot.of(new TreeMap<>(), version)).isEqualTo(expected);
    assertThat(TrieRoot.ordered(List.of(), version)).isEqualTo(expected);
    assertThat(TrieBuilder.build(new TreeMap<>(), version).root()).isEqualTo(expected);
    assertThat(Hashing.blake2b256Hash(new byte[] {0})).isEqualTo(expected);
  }

  @Test
  void keccakEmptyRootIsKeccakOfZeroByte() {
    assertThat(TrieRoot.of(new TreeMap<>(), StateVersion.V0, TrieHasher.KECCAK_256))
        .isEqualTo(Hash256.wrap(Hashing.keccak256(new byte[] {0})));
  }

  private static NavigableMap<Bytes, Bytes> gossamerLayoutEntries() {
    NavigableMap<Bytes, Bytes> entries = new TreeMap<>();
    entries.put(ascii("key1"), ascii("value1"));
    entries.put(ascii("key2"), ascii("value2"));
    entries.put(ascii("key3"), ascii("verylargevaluewithmorethan32byteslength"));
    return entries;
  }

  @Test
  void threeKeyVectorMatchesV0() {
    assertThat(TrieRoot.of(gossamerLayoutEntries(), StateVersion.V0))
        .isEqualTo(
            Hash256.fromHex("0x71052d48704658a8435fb9cbc7ef69c75dad2f64001cb30bfa010f7d609e2657"));
  }

  @Test
  void threeKeyVectorMatchesV1WithHashedLargeValue() {
    assertThat(TrieRoot.of(gossamerLayoutEntries(), StateVersion.V1))
        .isEqualTo(
            Hash256.fromHex("0x6a4a732757263bf2bc4e03a341e3f8ea635f78996ec06a6a965d5097a2911c29"));
    TrieCommit commit = TrieBuilder.build(gossamerLayoutEntries(), StateVersion.V1);
    Bytes large = ascii("verylargevaluewithmorethan32byteslength");
    assertThat(commit.nodes())
        .containsEntry(Hashing.blake2b256Hash(large.unsafeArray()), large)
        .containsKey(commit.root());
  }

  @Test
  void kusamaBlockOneExtrinsicsRootUsesLengthPrefixedExtrinsics() {
    // Kusama #1 body: Vec<OpaqueExtrinsic> with two extrinsics.
    List<Bytes> payloads =
        Block.BODY_CODEC.decode(Bytes.fromHex("0x08280402000b90110eb36e011004140000"));
    List<Bytes> encoded = new ArrayList<>();
    for (Bytes payload : payloads) {
      encoded.add(new ScaleWriter().writeByteVec(payload).toBytes());
    }
    assertThat(encoded)
        .containsExactly(Bytes.fromHex("0x280402000b90110eb36e01"), Bytes.fromHex("0x1004140000"));
    assertThat(TrieRoot.ordered(encoded, StateVersion.V0))
        .isEqualTo(
            Hash256.fromHex("0xa35fb7f7616f5c979d48222b3d2fa7cb2331ef73954726714d91ca945cc34fd8"));
    assertThat(TrieRoot.ordered(payloads, StateVersion.V0))
        .as("raw payloads give the wrong root")
        .isNotEqualTo(
            Hash256.fromHex("0xa35fb7f7616f5c979d48222b3d2fa7cb2331ef73954726714d91ca945cc34fd8"));
  }

  @Test
  void orderedKeysAreCompactIndices() {
    assertThat(TrieRoot.orderedKey(0)).isEqualTo(Bytes.fromHex("0x00"));
    assertThat(TrieRoot.orderedKey(63)).isEqualTo(Bytes.fromHex("0xfc"));
    assertThat(TrieRoot.orderedKey(64)).isEqualTo(Bytes.fromHex("0x0101"));
  }

  @Test
  void kusamaGenesisStateRoot() {
    TrieFixtures.RawGenesis genesis = TrieFixtures.rawGenesis("chainspecs/kusama.json");
    Hash256 expected =
        Hash256.fromHex("0xb0006203c3a6e6bd2c6a17b1d4ae8ca49a31da0f4579da950b127774b44aef6b");
    assertThat(TrieRoot.of(genesis.top(), StateVersion.V0)).isEqualTo(expected);
    StateCommit state = StateTrie.build(genesis.top(), genesis.children(), StateVersion.V0);
    assertThat(state.root()).isEqualTo(expected);
    assertThat(StateTrie.root(genesis.top(), genesis.children(), StateVersion.V0))
        .isEqualTo(expected);
  }

  @Test
  void kusamaLegacyArraySpecHasTheSameRoot() {
    TrieFixtures.RawGenesis genesis =
        TrieFixtures.rawGenesis("chainspecs/kusama-legacy-raw-array.json");
    assertThat(StateTrie.root(genesis.top(), genesis.children(), StateVersion.V0))
        .isEqualTo(
            Hash256.fromHex("0xb0006203c3a6e6bd2c6a17b1d4ae8ca49a31da0f4579da950b127774b44aef6b"));
  }

  @Test
  void westendGenesisStateRoot() {
    TrieFixtures.RawGenesis genesis = TrieFixtures.rawGenesis("chainspecs/westend.json");
    StateCommit state = StateTrie.build(genesis.top(), genesis.children(), StateVersion.V0);
    assertThat(state.root())
        .isEqualTo(
            Hash256.fromHex("0x7e92439a94f79671f9cade9dff96a094519b9001a7432244d46ab644bb6f746f"));
    // Every node of the commit is reachable: a trie over exactly these nodes reads every entry.
    MerkleTrie trie = new MerkleTrie(TrieNodeSource.of(state.nodes()));
    for (Map.Entry<Bytes, Bytes> e : genesis.top().entrySet()) {
      assertThat(trie.get(state.root(), e.getKey())).contains(e.getValue());
    }
  }

  @Test
  void kusamaGenesisTrieIsFullyReadableFromItsCommit() {
    TrieFixtures.RawGenesis genesis = TrieFixtures.rawGenesis("chainspecs/kusama.json");
    TrieCommit commit = TrieBuilder.build(genesis.top(), StateVersion.V0);
    MerkleTrie trie = new MerkleTrie(TrieNodeSource.of(commit.nodes()));
    try (var entries = trie.entries(commit.root(), Bytes.EMPTY)) {
      assertThat(entries.map(e -> Map.entry(e.key(), e.value())).toList())
          .containsExactlyElementsOf(genesis.top().entrySet());
    }
  }
}
