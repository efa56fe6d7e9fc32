/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HexTest {
  @Test
  void encodesLowerCaseWithPrefix() {
    assertThat(Hex.encode(new byte[] {0, (byte) 0xab, 0x10})).isEqualTo("0x00ab10");
  }

  @Test
  void decodesWithOrWithoutPrefixInAnyCase() {
    assertThat(Hex.decode("0xABcd")).containsExactly(0xab, 0xcd);
    assertThat(Hex.decode("abcd")).containsExactly(0xab, 0xcd);
    assertThat(Hex.decode("0x")).isEmpty();
  }

  @Test
  void rejectsOddLengthAndBadDigitsWithPosition() {
    assertThatThrownBy(() -> Hex.decode("0xabc")).hasMessageContaining("odd number of hex digits");
    assertThatThrownBy(() -> Hex.decode("0xabzz")).hasMessageContaining("'z' at offset 4");
  }

  @Test
  void bytesCompareAsUnsigned() {
    assertThat(Bytes.ofUnsigned(0x7f).compareTo(Bytes.ofUnsigned(0x80))).isNegative();
    assertThat(Bytes.ofUnsigned(1).compareTo(Bytes.ofUnsigned(1, 0))).isNegative();
    assertThat(Bytes.fromHex("0x0102"))
        .isEqualTo(Bytes.ofUnsigned(1, 2))
        .hasSameHashCodeAs(Bytes.ofUnsigned(1, 2));
  }
}
