/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.ss58;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.primitives.crypto.CryptoVectors;
import io.basalt.primitives.types.Bytes;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Addresses with one- and two-byte prefixes and every payload length,
 * against @polkadot/util-crypto.
 */
class Ss58VectorsTest {
  static Stream<JsonNode> valid() {
    return CryptoVectors.list("ss58.json", "valid").stream();
  }

  static Stream<JsonNode> invalid() {
    return CryptoVectors.list("ss58.json", "invalid").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void encodesAndDecodesLikePolkadotJs(JsonNode v) {
    Bytes payload = Bytes.fromHex(v.get("payload").asText());
    Ss58AddressFormat format = new Ss58AddressFormat(v.get("prefix").asInt());
    String address = v.get("address").asText();
    assertThat(Ss58.encode(payload, format)).isEqualTo(address);
    Ss58.Address decoded = Ss58.decode(address);
    assertThat(decoded.payload()).isEqualTo(payload);
    assertThat(decoded.format()).isEqualTo(format);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsMalformedAddresses(JsonNode v) {
    assertThatThrownBy(() -> Ss58.decode(v.get("address").asText(), 32))
        .isInstanceOf(Ss58Exception.class)
        .hasMessageStartingWith("invalid SS58 address");
  }

  @Test
  void aliceIsTheWellKnownGenericAddress() {
    Bytes alice =
        Bytes.fromHex("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
    assertThat(Ss58.encode(alice, Ss58AddressFormat.SUBSTRATE))
        .isEqualTo("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
  }

  @Test
  void networkNamesComeFromTheRegistry() {
    assertThat(Ss58AddressFormat.parse("polkadot").prefix()).isZero();
    assertThat(Ss58AddressFormat.parse("Kusama").prefix()).isEqualTo(2);
    assertThat(Ss58AddressFormat.parse("1284")).hasToString("moonbeam");
    assertThat(new Ss58AddressFormat(42)).hasToString("substrate");
    assertThat(new Ss58AddressFormat(16000)).hasToString("16000");
    assertThatThrownBy(() -> Ss58AddressFormat.parse("nowhere"))
        .hasMessageContaining("unknown SS58 network 'nowhere'");
    assertThatThrownBy(() -> new Ss58AddressFormat(16384)).hasMessageContaining("16383");
  }
}
