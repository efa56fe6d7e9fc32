/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.ss58;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.CryptoVectors;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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

  /**
   * Each malformed address fails for the reason the generator built it for, as sp-core's {@code
   * from_ss58check_with_version} would (its {@code PublicError} variant).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsMalformedAddressesForTheirReason(JsonNode v) {
    Ss58Exception.Kind kind =
        switch (v.get("reason").asText()) {
          case "checksum" -> Ss58Exception.Kind.INVALID_CHECKSUM;
          case "base58" -> Ss58Exception.Kind.BAD_BASE58;
          case "length" -> Ss58Exception.Kind.BAD_LENGTH;
          case "reserved prefix" -> Ss58Exception.Kind.FORMAT_NOT_ALLOWED;
          case "prefix byte" -> Ss58Exception.Kind.INVALID_PREFIX;
          default -> throw new IllegalArgumentException("unknown reason in ss58.json: " + v);
        };
    for (ThrowingCallable decode :
        List.<ThrowingCallable>of(
            () -> Ss58.decode(v.get("address").asText(), 32),
            () -> Ss58.decode(v.get("address").asText()))) {
      assertThatThrownBy(decode)
          .isInstanceOfSatisfying(Ss58Exception.class, e -> assertThat(e.kind()).isEqualTo(kind))
          .hasMessageStartingWith("invalid SS58 address: " + kind.description());
    }
  }

  @Test
  void aPayloadOfTheWrongLengthIsABadLength() {
    String ecdsaAddress =
        CryptoVectors.list("ss58.json", "valid").stream()
            .filter(v -> v.get("payload").asText().length() == 2 + 66)
            .findFirst()
            .orElseThrow()
            .get("address")
            .asText();
    assertThatThrownBy(() -> Ss58.decode(ecdsaAddress, 32))
        .isInstanceOfSatisfying(
            Ss58Exception.class, e -> assertThat(e.kind()).isEqualTo(Ss58Exception.Kind.BAD_LENGTH))
        .hasMessage("invalid SS58 address: bad length: it holds 33 bytes, expected 32");
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
