/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.sr25519;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.primitives.crypto.CryptoVectors;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.crypto.KeyScheme;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signatures and VRF proofs made by Rust schnorrkel (wasm) and @scure/sr25519 verify here (and
 * tampered ones do not); VRF pre-outputs, being deterministic, must match byte for byte.
 */
class Sr25519VectorsTest {
  static Stream<JsonNode> signatures() {
    return CryptoVectors.list("sr25519.json", "signatures").stream();
  }

  static Stream<JsonNode> vrfs() {
    return CryptoVectors.list("sr25519.json", "vrf").stream();
  }

  private static byte[] utf8(JsonNode v, String field) {
    return v.get(field).asText().getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signatures")
  void foreignSignaturesVerify(JsonNode v) {
    boolean valid = v.get("valid").asBoolean();
    byte[] signature = CryptoVectors.bytes(v, "signature");
    byte[] message = CryptoVectors.message(v, "message");
    byte[] publicKey = CryptoVectors.bytes(v, "publicKey");
    assertThat(Sr25519.verify(signature, message, publicKey)).isEqualTo(valid);
    assertThat(KeyScheme.SR25519.verify(signature, message, publicKey)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vrfs")
  void foreignVrfProofsVerifyAndPreOutputsMatch(JsonNode v) {
    byte[] publicKey = CryptoVectors.bytes(v, "publicKey");
    byte[] context = utf8(v, "context");
    byte[] message = utf8(v, "message");
    byte[] extra = utf8(v, "extra");
    boolean verified =
        Sr25519Vrf.verify(
            publicKey,
            Sr25519Vrf.signingTranscript(context, message),
            Sr25519Vrf.extraTranscript(extra),
            CryptoVectors.bytes(v, "signature"));
    assertThat(verified).isEqualTo(v.get("valid").asBoolean());

    KeyPair.Sr25519 pair =
        (KeyPair.Sr25519)
            KeyScheme.SR25519.fromSuri(v.get("suri").asText(), Optional.empty()).pair();
    Sr25519Vrf.VrfSignature own =
        Sr25519Vrf.sign(
            pair.inner(),
            Sr25519Vrf.signingTranscript(context, message),
            Sr25519Vrf.extraTranscript(extra),
            new java.security.SecureRandom());
    assertThat(own.preOutput().toHex()).isEqualTo(v.get("preOutput").asText());
  }
}
