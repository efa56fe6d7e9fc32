/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.StateVersion;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

  /*
   * The V1 threshold, pinned by node encodings written out byte by byte from the layout rules
   * (host-api.md §8), independently of TrieNodeCodec: a value of 32 bytes stays inline in both
   * layouts, a value of 33 bytes is replaced by its blake2b-256 hash in V1 only.
   */

  private static final Bytes KEY = Bytes.fromHex("0x01"); // nibbles 0, 1
  private static final Bytes VALUE_32 = filled(32, 0xaa);
  private static final Bytes VALUE_33 = filled(33, 0xbb);

  @ParameterizedTest
  @EnumSource(StateVersion.class)
  void aLeafWithA32ByteValueIsInlineInBothLayouts(StateVersion version) {
    // 0b01 leaf, 2 nibbles | partial key 0x01 | compact(32) = 0x80 | the value
    Bytes leaf = concat(bytes(0x42, 0x01, 0x80), VALUE_32);
    assertRootNode(Map.of(KEY, VALUE_32), version, leaf);
  }

  @Test
  void aLeafWithA33ByteValueIsInlineInV0() {
    // 0b01 leaf, 2 nibbles | partial key 0x01 | compact(33) = 0x84 | the value
    Bytes leaf = concat(bytes(0x42, 0x01, 0x84), VALUE_33);
    assertRootNode(Map.of(KEY, VALUE_33), StateVersion.V0, leaf);
  }

  @Test
  void aLeafWithA33ByteValueHoldsItsHashInV1() {
    // 0b001 hashed-value leaf, 2 nibbles | partial key 0x01 | blake2b-256(value), no length
    Bytes leaf = concat(bytes(0x22, 0x01), blake2(VALUE_33));
    TrieCommit commit = assertRootNode(Map.of(KEY, VALUE_33), StateVersion.V1, leaf);
    assertThat(commit.nodes()).containsEntry(Hash256.wrap(blake2(VALUE_33).toArray()), VALUE_33);
  }

  @ParameterizedTest
  @EnumSource(StateVersion.class)
  void aBranchWithA32ByteValueIsInlineInBothLayouts(StateVersion version) {
    Bytes branch = concat(bytes(0xc2, 0x01, 0x01, 0x00, 0x80), VALUE_32, INLINE_CHILD);
    assertRootNode(branchEntries(VALUE_32), version, branch);
  }

  @Test
  void aBranchWithA33ByteValueIsInlineInV0() {
    Bytes branch = concat(bytes(0xc2, 0x01, 0x01, 0x00, 0x84), VALUE_33, INLINE_CHILD);
    assertRootNode(branchEntries(VALUE_33), StateVersion.V0, branch);
  }

  @Test
  void aBranchWithA33ByteValueHoldsItsHashInV1() {
    // 0b0001 hashed-value branch, 2 nibbles (4-bit length field) | 0x01 | bitmap | hash | child
    Bytes branch = concat(bytes(0x12, 0x01, 0x01, 0x00), blake2(VALUE_33), INLINE_CHILD);
    assertRootNode(branchEntries(VALUE_33), StateVersion.V1, branch);
  }

  /*
   * Branch cases: key 0x01 holds the tested value, key 0x0102 the value 0x05. The root is a branch
   * with value at nibbles 0, 1 (header 0b11 with 2 nibbles = 0xc2, partial key 0x01, children
   * bitmap u16 LE 0x0001 = child at nibble 0); its child is the leaf for the one remaining nibble
   * 2: 0b01 leaf with 1 nibble = 0x41, odd partial key 0x02, compact(1) = 0x04, value 0x05. The
   * child's 4 bytes are under 32, so it is inline as a SCALE Vec: compact(4) = 0x10, then them.
   */
  private static final Bytes INLINE_CHILD = bytes(0x10, 0x41, 0x02, 0x04, 0x05);

  private static Map<Bytes, Bytes> branchEntries(Bytes value) {
    return Map.of(KEY, value, Bytes.fromHex("0x0102"), Bytes.fromHex("0x05"));
  }

  /** Asserts the root node's exact bytes, and that the root is their blake2b-256 hash. */
  private static TrieCommit assertRootNode(
      Map<Bytes, Bytes> entries, StateVersion version, Bytes expectedNode) {
    NavigableMap<Bytes, Bytes> sorted = new TreeMap<>(entries);
    Hash256 expectedRoot = Hash256.wrap(blake2(expectedNode).toArray());
    assertThat(TrieRoot.of(sorted, version)).isEqualTo(expectedRoot);
    TrieCommit commit = TrieBuilder.build(sorted, version);
    assertThat(commit.root()).isEqualTo(expectedRoot);
    assertThat(commit.nodes()).containsEntry(expectedRoot, expectedNode);
    return commit;
  }

  private static Bytes blake2(Bytes data) {
    return Bytes.wrap(Hashing.blake2b256(data.toArray()));
  }

  private static Bytes bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return Bytes.wrap(out);
  }

  private static Bytes filled(int length, int value) {
    byte[] out = new byte[length];
    Arrays.fill(out, (byte) value);
    return Bytes.wrap(out);
  }

  private static Bytes concat(Bytes... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Bytes part : parts) {
      out.writeBytes(part.toArray());
    }
    return Bytes.wrap(out.toByteArray());
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
