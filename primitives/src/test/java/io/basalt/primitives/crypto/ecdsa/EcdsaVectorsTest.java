/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.ecdsa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.CryptoVectors;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.Result;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signatures must equal the secp256k1 crate's (wasm) and noble's byte for byte; the negative
 * controls must fail; recovery must follow sp-io's v1 (lenient) and v2 (strict) rules on the edge
 * cases, whose outcomes the generator derives from sp-io's parsing rules and noble's recovery.
 */
class EcdsaVectorsTest {
  static Stream<JsonNode> signatures() {
    return CryptoVectors.list("ecdsa.json", "signatures").stream();
  }

  static Stream<JsonNode> invalid() {
    return CryptoVectors.list("ecdsa.json", "invalid").stream();
  }

  static Stream<JsonNode> recoveries() {
    return CryptoVectors.list("ecdsa.json", "recover").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signatures")
  void signaturesMatchByteForByteAndRecover(JsonNode v) {
    EcdsaKeyPair pair = EcdsaKeyPair.fromSeed(CryptoVectors.bytes(v, "seed"));
    byte[] message = CryptoVectors.message(v, "message");
    byte[] signature = CryptoVectors.bytes(v, "signature");
    byte[] hash = CryptoVectors.bytes(v, "hash");
    assertThat(pair.publicKey().toHex()).isEqualTo(v.get("publicKey").asText());
    assertThat(Hex.encode(pair.sign(message))).isEqualTo(v.get("signature").asText());
    assertThat(Hex.encode(pair.signPrehashed(Hashing.blake2b256(message))))
        .isEqualTo(v.get("signature").asText());
    assertThat(Ecdsa.verify(signature, message, pair.publicKey().toArray())).isTrue();
    assertThat(Ecdsa.verifyPrehashed(signature, hash, pair.publicKey().toArray())).isTrue();
    assertThat(Ecdsa.recover(signature, hash, Ecdsa.Parsing.STRICT))
        .isEqualTo(Result.ok(Bytes.fromHex(v.get("recovered").asText())));
    assertThat(Ecdsa.recoverCompressed(signature, hash, Ecdsa.Parsing.LENIENT))
        .isEqualTo(Result.ok(pair.publicKey()));
  }

  /**
   * Negative controls that noble's and wasm-crypto's (secp256k1 crate) recovery reject: another
   * key, another message, a tampered r or s, the other recovery id. Every verification entry point
   * must reject them.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void signaturesByAnotherKeyOrOverAnotherMessageAreRejected(JsonNode v) {
    assertThat(v.get("valid").asBoolean()).isFalse();
    byte[] signature = CryptoVectors.bytes(v, "signature");
    byte[] message = CryptoVectors.message(v, "message");
    byte[] hash = CryptoVectors.bytes(v, "hash");
    byte[] publicKey = CryptoVectors.bytes(v, "publicKey");
    assertThat(Hashing.blake2b256(message)).isEqualTo(hash);
    for (Ecdsa.Parsing parsing : Ecdsa.Parsing.values()) {
      assertThat(Ecdsa.verify(signature, message, publicKey, parsing)).as("%s", parsing).isFalse();
      assertThat(Ecdsa.verifyPrehashed(signature, hash, publicKey, parsing))
          .as("%s prehashed", parsing)
          .isFalse();
    }
    assertThat(Ecdsa.verify(signature, message, publicKey)).isFalse();
    assertThat(Ecdsa.verifyPrehashed(signature, hash, publicKey)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recoveries")
  void recoveryEdgeCasesFollowSpIo(JsonNode v) {
    byte[] signature = CryptoVectors.bytes(v, "signature");
    byte[] hash = CryptoVectors.bytes(v, "hash");
    assertThat(Ecdsa.recover(signature, hash, Ecdsa.Parsing.LENIENT))
        .isEqualTo(expected(v.get("v1")));
    assertThat(Ecdsa.recover(signature, hash, Ecdsa.Parsing.STRICT))
        .isEqualTo(expected(v.get("v2")));
  }

  private static Result<Bytes, EcdsaVerifyError> expected(JsonNode outcome) {
    return outcome.has("ok")
        ? Result.ok(Bytes.fromHex(outcome.get("ok").asText()))
        : Result.err(EcdsaVerifyError.valueOf(outcome.get("err").asText()));
  }

  @Test
  void verifyDoesNotAcceptEthereumStyleV() {
    JsonNode v = CryptoVectors.list("ecdsa.json", "signatures").get(0);
    byte[] signature = CryptoVectors.bytes(v, "signature");
    byte[] publicKey = CryptoVectors.bytes(v, "publicKey");
    byte[] message = CryptoVectors.message(v, "message");
    signature[64] = (byte) (signature[64] + 27);
    assertThat(Ecdsa.verify(signature, message, publicKey)).isFalse();
    assertThat(Ecdsa.verify(signature, message, publicKey, Ecdsa.Parsing.LENIENT)).isFalse();
  }

  @Test
  void malformedInputsAreRejectedWithoutThrowing() {
    assertThat(Ecdsa.verify(new byte[64], new byte[0], new byte[33])).isFalse();
    assertThat(Ecdsa.verify(new byte[65], new byte[0], new byte[32])).isFalse();
    assertThat(Ecdsa.verify(new byte[65], new byte[0], new byte[33])).isFalse();
    assertThat(Ecdsa.verifyPrehashed(new byte[65], new byte[31], new byte[33])).isFalse();
    assertThat(Ecdsa.recover(new byte[64], new byte[32], Ecdsa.Parsing.STRICT).isOk()).isFalse();
    assertThat(Ecdsa.decodePublicKey(new byte[33])).isEmpty();
  }
}
