/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.ed25519;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.CryptoVectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deterministic signatures must match @noble/curves and the Rust ed25519 in @polkadot/wasm-crypto
 * byte for byte, and the negative controls they reject must be rejected here; the ZIP-215 cases
 * (every pair of small-order encodings, canonical or not, as A and R with S = 0) must be decided as
 * noble decides them with {@code zip215: true}.
 */
class Ed25519VectorsTest {
  static Stream<JsonNode> signatures() {
    return CryptoVectors.list("ed25519.json", "signatures").stream();
  }

  static Stream<JsonNode> invalid() {
    return CryptoVectors.list("ed25519.json", "invalid").stream();
  }

  static Stream<JsonNode> zip215() {
    return CryptoVectors.list("ed25519.json", "zip215").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signatures")
  void signaturesMatchByteForByte(JsonNode v) {
    Ed25519KeyPair pair = Ed25519KeyPair.fromSeed(CryptoVectors.bytes(v, "seed"));
    byte[] message = CryptoVectors.message(v, "message");
    assertThat(pair.publicKey().toHex()).isEqualTo(v.get("publicKey").asText());
    assertThat(Hex.encode(pair.sign(message))).isEqualTo(v.get("signature").asText());
    assertThat(
            Ed25519.verify(
                CryptoVectors.bytes(v, "signature"), message, pair.publicKey().toArray()))
        .isTrue();
  }

  /**
   * Negative controls, rejected by noble (both rule sets) and the Rust ed25519: a tampered R or S,
   * a different message, another key. All are well-formed, so only the equation can reject them.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void signaturesByAnotherKeyOrOverAnotherMessageAreRejected(JsonNode v) {
    assertThat(v.get("valid").asBoolean()).isFalse();
    byte[] signature = CryptoVectors.bytes(v, "signature");
    byte[] message = CryptoVectors.message(v, "message");
    byte[] publicKey = CryptoVectors.bytes(v, "publicKey");
    assertThat(Ed25519.verify(signature, message, publicKey)).as(v.get("case").asText()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("zip215")
  void zip215EdgeCasesAreDecidedLikeZebra(JsonNode v) {
    assertThat(
            Ed25519.verify(
                CryptoVectors.bytes(v, "signature"),
                CryptoVectors.message(v, "message"),
                CryptoVectors.bytes(v, "publicKey")))
        .isEqualTo(v.get("zip215").asBoolean());
  }

  @Test
  void rfc8032TestVectorOne() {
    Ed25519KeyPair pair =
        Ed25519KeyPair.fromSeed(
            Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    assertThat(pair.publicKey().toHex())
        .isEqualTo("0xd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    assertThat(Hex.encodeBare(pair.sign(new byte[0])))
        .isEqualTo(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
  }

  @Test
  void wrongLengthsAreRejectedWithoutThrowing() {
    assertThat(Ed25519.verify(new byte[63], new byte[0], new byte[32])).isFalse();
    assertThat(Ed25519.verify(new byte[64], new byte[0], new byte[31])).isFalse();
    assertThat(Ed25519.verify(null, null, null)).isFalse();
  }
}
