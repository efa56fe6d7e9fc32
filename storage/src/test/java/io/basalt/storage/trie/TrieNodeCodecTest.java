/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.testsupport.RandomCases;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrieNodeCodecTest {

  private static Bytes hex(String hex) {
    return Bytes.fromHex(hex);
  }

  @Test
  void encodesLeafWithEvenPartialKey() {
    TrieNode leaf = new TrieNode.Leaf(Nibbles.of(hex("0x01")), new NodeValue.Inline(hex("0x01")));
    assertThat(TrieNodeCodec.encode(leaf)).isEqualTo(hex("0x42010401"));
  }

  @Test
  void encodesOddPartialKeyWithLeadingPaddingNibble() {
    TrieNode leaf =
        new TrieNode.Leaf(Nibbles.ofValues(0xa, 0xb, 0xc), new NodeValue.Inline(Bytes.EMPTY));
    assertThat(TrieNodeCodec.encode(leaf)).isEqualTo(hex("0x430abc00"));
  }

  @Test
  void encodesBranchBitmapLittleEndianAndChildrenInOrder() {
    ChildRef[] children = new ChildRef[16];
    children[0] = new ChildRef.Inline(hex("0x410104"));
    children[9] = new ChildRef.Hashed(Hash256.ZERO);
    TrieNode branch =
        new TrieNode.Branch(
            Nibbles.EMPTY, Optional.of(new NodeValue.Inline(hex("0xff"))), children);
    assertThat(TrieNodeCodec.encode(branch))
        .isEqualTo(hex("0xc0" + "0102" + "04ff" + "0c410104" + "80" + "00".repeat(32)));
  }

  @Test
  void encodesHashedValueVariants() {
    Hash256 h = Hash256.fromHex("0x" + "11".repeat(32));
    assertThat(
            TrieNodeCodec.encode(new TrieNode.Leaf(Nibbles.ofValues(1), new NodeValue.Hashed(h))))
        .isEqualTo(hex("0x2101" + "11".repeat(32)));
    ChildRef[] children = new ChildRef[16];
    children[15] = new ChildRef.Inline(hex("0x4000"));
    TrieNode branch =
        new TrieNode.Branch(Nibbles.ofValues(2, 3), Optional.of(new NodeValue.Hashed(h)), children);
    assertThat(TrieNodeCodec.encode(branch))
        .isEqualTo(hex("0x1223" + "0080" + "11".repeat(32) + "084000"));
  }

  @ParameterizedTest(name = "{0} nibbles with header {1}")
  @CsvSource({"62, 7e", "63, 7f00", "64, 7f01", "317, 7ffe", "318, 7fff00", "573, 7fffff00"})
  void encodesLongPartialKeyLengthsWithContinuationBytes(int nibbles, String header) {
    TrieNode leaf =
        new TrieNode.Leaf(Nibbles.wrap(new byte[nibbles]), new NodeValue.Inline(Bytes.EMPTY));
    Bytes encoded = TrieNodeCodec.encode(leaf);
    Bytes expectedHeader = hex("0x" + header);
    assertThat(encoded.slice(0, expectedHeader.length())).isEqualTo(expectedHeader);
    assertThat(encoded.length()).isEqualTo(expectedHeader.length() + (nibbles + 1) / 2 + 1);
    assertThat(TrieNodeCodec.decode(encoded)).isEqualTo(leaf);
  }

  @Test
  void hashedLeafLengthFieldHoldsThirtyNibblesInline() {
    Hash256 h = Hash256.ZERO;
    Bytes at30 =
        TrieNodeCodec.encode(
            new TrieNode.Leaf(Nibbles.wrap(new byte[30]), new NodeValue.Hashed(h)));
    Bytes at31 =
        TrieNodeCodec.encode(
            new TrieNode.Leaf(Nibbles.wrap(new byte[31]), new NodeValue.Hashed(h)));
    assertThat(at30.get(0) & 0xff).isEqualTo(0x3e);
    assertThat(at31.slice(0, 2)).isEqualTo(hex("0x3f00"));
  }

  @Test
  void decodesEmptyNode() {
    assertThat(TrieNodeCodec.decode(hex("0x00"))).isEqualTo(TrieNode.EMPTY);
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource({
    "empty input, '', input ends inside the header",
    "reserved escape header, 01, reserved",
    "unknown header, 02, unknown node header 0x02",
    "unknown header, 0f, unknown node header 0x0f",
    "trailing bytes after empty node, 0000, trailing bytes",
    "non-zero padding nibble, 41f100, padding nibble is not zero",
    "missing leaf value, 4201, input ends inside the leaf value length",
    "value longer than input, 42010801, declares 2 bytes but only 1 remain",
    "big-integer compact length, 420103, big-integer compact mode",
    "branch without children, 800000, branch node without children",
    "truncated bitmap, 8001, input ends inside the children bitmap",
    "truncated hashed value, 2101aabb, needs 32 bytes",
    "truncated length continuation, 7f, input ends inside the partial key length",
    "trailing byte after leaf, 4201040199, 1 trailing bytes"
  })
  void rejectsMalformedNodes(String what, String hexInput, String reason) {
    Bytes input = hexInput == null ? Bytes.EMPTY : hex(hexInput);
    assertThatThrownBy(() -> TrieNodeCodec.decode(input))
        .isInstanceOf(TrieNodeDecodingException.class)
        .hasMessageContaining(reason)
        .hasMessageContaining("offset");
  }

  @Test
  void rejectsChildReferenceLongerThanAHash() {
    Bytes node = hex("0x800100" + "84" + "00".repeat(33));
    assertThatThrownBy(() -> TrieNodeCodec.decode(node))
        .isInstanceOf(TrieNodeDecodingException.class)
        .hasMessageContaining("child 0 reference is 33 bytes");
  }

  @Test
  void rejectsPartialKeyBeyondNibbleBound() {
    byte[] data = new byte[300];
    data[0] = 0x7f;
    Arrays.fill(data, 1, 300, (byte) 0xff);
    assertThatThrownBy(() -> TrieNodeCodec.decode(data))
        .isInstanceOf(TrieNodeDecodingException.class)
        .hasMessageContaining("exceeds 65535");
  }

  record RoundTripsArbitraryNodesCase(TrieNode node) {}

  @Test
  void roundTripsArbitraryNodes() {
    RandomCases.forAll(
        300,
        r -> new RoundTripsArbitraryNodesCase(node(r)),
        c -> roundTripsArbitraryNodesFor(c.node()));
  }

  private static void roundTripsArbitraryNodesFor(TrieNode node) {
    Bytes encoded = TrieNodeCodec.encode(node);
    assertThat(TrieNodeCodec.decode(encoded)).isEqualTo(node);
    assertThat(TrieNodeCodec.encode(TrieNodeCodec.decode(encoded))).isEqualTo(encoded);
  }

  /**
   * A random node: leaf, branch (with or without value) or empty; partial keys up to 400 nibbles.
   */
  static TrieNode node(SplittableRandom r) {
    int kind = r.nextInt(5);
    if (kind == 0) {
      return TrieNode.EMPTY;
    }
    int[] nibbles = new int[r.nextInt(r.nextBoolean() ? 8 : 401)];
    for (int i = 0; i < nibbles.length; i++) {
      nibbles[i] = r.nextInt(16);
    }
    Nibbles partial = Nibbles.ofValues(nibbles);
    if (kind <= 2) {
      return new TrieNode.Leaf(partial, value(r));
    }
    ChildRef[] children = new ChildRef[16];
    int bitmap = r.nextInt(1, 0x10000);
    for (int i = 0; i < 16; i++) {
      if ((bitmap & (1 << i)) != 0) {
        children[i] =
            r.nextBoolean()
                ? new ChildRef.Inline(Bytes.wrap(RandomCases.bytes(r, 1, 31)))
                : new ChildRef.Hashed(Hash256.wrap(RandomCases.bytes(r, 32, 32)));
      }
    }
    return new TrieNode.Branch(
        partial, r.nextBoolean() ? Optional.of(value(r)) : Optional.empty(), children);
  }

  private static NodeValue value(SplittableRandom r) {
    return r.nextBoolean()
        ? new NodeValue.Inline(Bytes.wrap(RandomCases.bytes(r, 0, 100)))
        : new NodeValue.Hashed(Hash256.wrap(RandomCases.bytes(r, 32, 32)));
  }

  @Test
  void nibblesConvertKeysHighNibbleFirst() {
    Nibbles n = Nibbles.of(hex("0xab01"));
    assertThat(n.toString()).isEqualTo("ab01");
    assertThat(n.length()).isEqualTo(4);
    assertThat(n.toKey()).isEqualTo(hex("0xab01"));
    assertThat(n.slice(1, 3)).isEqualTo(Nibbles.ofValues(0xb, 0));
    assertThat(List.of(n.startsWith(Nibbles.ofValues(0xa)), n.startsWith(Nibbles.ofValues(0xb))))
        .containsExactly(true, false);
    assertThatThrownBy(() -> Nibbles.ofValues(1).toKey())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("odd number of nibbles");
  }
}
