/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Decoding by the node-template fixture's real FRAME metadata: what the encoder wrote reads back,
 * and the constants and event types the upgrade report needs are there.
 */
class JsonScaleDecoderTest {
  private static RuntimeMetadata nodeTemplate() throws Exception {
    String hex =
        Files.readString(
                Fixtures.file("chainspecs/node-template-local.metadata.hex"),
                StandardCharsets.US_ASCII)
            .strip();
    return RuntimeMetadata.decode(Bytes.fromHex(hex));
  }

  @Test
  void readsBackWhatTheEncoderWrote() throws Exception {
    RuntimeMetadata metadata = nodeTemplate();
    RuntimeMetadata.StorageItem account =
        RuntimeMetadata.item(metadata.pallet("System").orElseThrow(), "Account").orElseThrow();
    JsonNode given =
        new ObjectMapper()
            .readTree("{\"nonce\": 7, \"data\": {\"free\": \"0x0100000000000000ff\"}}");
    Bytes encoded = new JsonScaleEncoder(metadata).encode(account.valueType(), given);
    JsonNode decoded = new JsonScaleDecoder(metadata).decode(encoded, account.valueType());
    assertThat(decoded.path("nonce").asLong()).isEqualTo(7);
    assertThat(decoded.path("data").path("free").bigIntegerValue())
        .isEqualTo(new java.math.BigInteger("0100000000000000ff", 16));
    assertThat(decoded.path("data").path("reserved").asLong()).isZero();
  }

  @Test
  void theSystemPalletHasEventsAndItsBlockWeightsConstantDecodes() throws Exception {
    RuntimeMetadata metadata = nodeTemplate();
    RuntimeMetadata.Pallet system = metadata.pallet("System").orElseThrow();
    assertThat(system.eventType()).isPresent();
    RuntimeMetadata.Constant weights = system.constant("BlockWeights").orElseThrow();
    JsonNode decoded = new JsonScaleDecoder(metadata).decode(weights.value(), weights.type());
    JsonNode max = decoded.path("max_block");
    long refTime = max.isNumber() ? max.asLong() : max.path("ref_time").asLong();
    assertThat(refTime).as(decoded.toString()).isPositive();
    assertThat(decoded.has("per_class")).isTrue();
  }

  @Test
  void bytesThatEndEarlyAreRefused() throws Exception {
    RuntimeMetadata metadata = nodeTemplate();
    RuntimeMetadata.StorageItem account =
        RuntimeMetadata.item(metadata.pallet("System").orElseThrow(), "Account").orElseThrow();
    assertThatThrownBy(
            () ->
                new JsonScaleDecoder(metadata).decode(Bytes.fromHex("0x0700"), account.valueType()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("does not decode");
  }
}
