/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.sr25519;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.CryptoVectors;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.crypto.KeyScheme;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signatures and VRF proofs made by Rust schnorrkel (wasm) and @scure/sr25519 verify here (and
 * tampered ones do not); VRF pre-outputs and output bytes, being deterministic, must match byte for
 * byte.
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

  static Stream<JsonNode> vrfOutputs() {
    return vrfs().filter(v -> v.has("makeBytes"));
  }

  /**
   * {@code make_bytes} for BABE's two contexts, against the generator's computation from
   * schnorrkel's definition with @scure/sr25519's Merlin and @noble/curves' ristretto255 (neither
   * library exports make_bytes itself); the input point it used is checked against both libraries'
   * pre-outputs there.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("vrfOutputs")
  void vrfOutputBytesMatchSchnorrkelsDefinition(JsonNode v) {
    byte[] publicKey = CryptoVectors.bytes(v, "publicKey");
    Bytes preOutput = Bytes.fromHex(v.get("preOutput").asText());
    for (JsonNode expected : v.get("makeBytes")) {
      byte[] output =
          Sr25519Vrf.makeBytes(
              utf8(expected, "context"),
              publicKey,
              Sr25519Vrf.signingTranscript(utf8(v, "context"), utf8(v, "message")),
              preOutput,
              expected.get("length").asInt());
      assertThat(Hex.encode(output))
          .as("make_bytes(%s)", expected.get("context").asText())
          .isEqualTo(expected.get("bytes").asText());
    }
  }

  /**
   * The known answer that ChainSafe's go-schnorrkel checks (TestVrfInOut_MakeBytes), taken from
   * Rust schnorrkel's own VRF tests: a proof over signing context "yo!" and message "meow",
   * verified, then 16 output bytes for BABE's threshold context "substrate-babe-vrf".
   */
  @Test
  void vrfOutputBytesMatchRustSchnorrkelsKnownAnswer() {
    byte[] publicKey =
        Hex.decode("0c84b70beabe60ac6fefa38994a3454fe63d8629455a86e58480063f8bdcca00");
    byte[] preOutput =
        Hex.decode("d62899f6584a7ff236c107055a332d05cf3b404486e813dff9584a7d404adc30");
    byte[] proof =
        Hex.decode(
            "90c7b305fac7dcb10cdcf2c4a8ed6a033ec34a7f866b895ba568dff403048d0a"
                + "8136861f31facdcbfe8e577bd86cbe70ccccbc1e5424f7d93b7d2d3870c3540f");
    byte[] context = "yo!".getBytes(StandardCharsets.UTF_8);
    byte[] message = "meow".getBytes(StandardCharsets.UTF_8);
    byte[] signature = Bytes.wrap(preOutput).concat(Bytes.wrap(proof)).toArray();
    assertThat(
            Sr25519Vrf.verify(publicKey, Sr25519Vrf.signingTranscript(context, message), signature))
        .isTrue();
    byte[] output =
        Sr25519Vrf.makeBytes(
            "substrate-babe-vrf".getBytes(StandardCharsets.UTF_8),
            publicKey,
            Sr25519Vrf.signingTranscript(context, message),
            Bytes.wrap(preOutput),
            16);
    assertThat(Hex.encodeBare(output)).isEqualTo("a939953200f3788a19fa4aebf789e428");
  }
}
