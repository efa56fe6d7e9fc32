/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.bip39;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.CryptoVectors;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** 12- to 24-word mnemonics with and without passwords, against substrate-bip39 (Rust, wasm). */
class MnemonicVectorsTest {
  static Stream<JsonNode> valid() {
    return CryptoVectors.list("mnemonics.json", "valid").stream();
  }

  static Stream<JsonNode> invalid() {
    return CryptoVectors.list("mnemonics.json", "invalid").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void entropyAndMiniSecretMatchSubstrateBip39(JsonNode v) {
    Mnemonic m = Mnemonic.parse(v.get("phrase").asText());
    assertThat(m.entropy().toHex()).isEqualTo(v.get("entropy").asText());
    assertThat(Hex.encode(m.miniSecret(v.get("password").asText())))
        .isEqualTo(v.get("miniSecret").asText());
    assertThat(Mnemonic.fromEntropy(CryptoVectors.bytes(v, "entropy")).phrase())
        .isEqualTo(v.get("phrase").asText());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidPhrasesAreRejectedWithoutEchoingThem(JsonNode v) {
    String phrase = v.get("phrase").asText();
    assertThatThrownBy(() -> Mnemonic.parse(phrase))
        .isInstanceOf(InvalidMnemonicException.class)
        .message()
        .doesNotContain(phrase.substring(0, phrase.indexOf(' ')));
  }

  @Test
  void bip39ReferenceVectorAllZeroEntropy() {
    assertThat(Mnemonic.fromEntropy(new byte[16]).phrase())
        .isEqualTo(
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"
                + " abandon about");
  }

  @Test
  void generatedMnemonicsRoundTrip() {
    for (int words : new int[] {12, 15, 18, 21, 24}) {
      Mnemonic m = Mnemonic.generate(words, new SecureRandom());
      assertThat(m.wordCount()).isEqualTo(words);
      assertThat(Mnemonic.parse(m.phrase()).entropy()).isEqualTo(m.entropy());
    }
    assertThatThrownBy(() -> Mnemonic.generate(13, new SecureRandom()))
        .hasMessageContaining("12/15/18/21/24");
  }
}
