/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.runtime.demo.account.AccountInfo;
import io.basalt.runtime.metadata.MetadataVersion;
import io.basalt.runtime.metadata.demo.MetadataBlobs;
import io.basalt.testsupport.Fixtures;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Storage named by pallet and item with JSON values, against the demo runtime's metadata (V14 and
 * V15, keys and layouts from docs/runtime-spec.md, values checked with runtime-native's own codec)
 * and the node-template fixture's real FRAME metadata.
 */
class RuntimeMetadataTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static RuntimeMetadata.StorageItem item(
      RuntimeMetadata metadata, String pallet, String name) {
    return RuntimeMetadata.item(metadata.pallet(pallet).orElseThrow(), name).orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(MetadataVersion.class)
  void namesAndEncodesTheDemoRuntimesStorageAsTheSpecLaysItOut(MetadataVersion version) {
    RuntimeMetadata metadata = RuntimeMetadata.decode(MetadataBlobs.load(100, version));
    JsonScaleEncoder encoder = new JsonScaleEncoder(metadata);
    // Case and underscores do not matter, as in polkadot.js's decorated names.
    RuntimeMetadata.StorageItem account = item(metadata, "system", "account");
    assertThat(account).isEqualTo(item(metadata, "System", "Account"));
    Bytes key =
        account.entryKey(List.of(encoder.encode(account.keyType(), json("\"" + ALICE + "\""))));
    assertThat(key.toHex())
        .isEqualTo(
            "0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9"
                + "de1e86a9a8c739864cf3cc5ec2bea59f"
                + "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
    Bytes value =
        encoder.encode(
            account.valueType(),
            json(
                "{\"providers\": 1, \"data\": {\"free\": \"1000000000000\", \"flags\": "
                    + "\"0x80000000000000000000000000000000\"}}"));
    assertThat(value).isEqualTo(AccountInfo.created(BigInteger.TEN.pow(12)).encode());
    assertThat(encoder.zero(account.valueType())).isEqualTo(AccountInfo.EMPTY.encode());

    RuntimeMetadata.StorageItem total = item(metadata, "Balances", "total_issuance");
    assertThat(total.isMap()).isFalse();
    assertThat(total.prefixKey().toHex())
        .isEqualTo("0xc2261276cc9d1f8598ea4b6a74b15c2f57c875e4cff74148e4628f264b974c80");
    assertThat(encoder.encode(total.valueType(), json("258")).toHex())
        .isEqualTo("0x02010000000000000000000000000000");

    RuntimeMetadata.StorageItem phase = item(metadata, "System", "ExecutionPhase");
    assertThat(encoder.encode(phase.valueType(), json("{\"ApplyExtrinsic\": 3}")).toHex())
        .isEqualTo("0x0003000000");
    assertThat(encoder.encode(phase.valueType(), json("\"initialization\"")).toHex())
        .isEqualTo("0x02");
    assertThat(encoder.encode(phase.valueType(), json("1")).toHex()).isEqualTo("0x01");
  }

  @Test
  void sayWhereAndWhyAValueDoesNotFit() {
    RuntimeMetadata metadata = RuntimeMetadata.decode(MetadataBlobs.load(100, MetadataVersion.V14));
    JsonScaleEncoder encoder = new JsonScaleEncoder(metadata);
    int account = item(metadata, "System", "Account").valueType();
    assertThatThrownBy(() -> encoder.encode(account, json("{\"data\": {\"free\": \"lots\"}}")))
        .hasMessage("value.data.free: expected an integer, found \"lots\"");
    assertThatThrownBy(() -> encoder.encode(account, json("{\"nonse\": 1}")))
        .hasMessageStartingWith("value: unknown field \"nonse\" (fields: nonce, consumers,");
    assertThatThrownBy(() -> encoder.encode(account, json("{\"nonce\": 4294967296}")))
        .hasMessage("value.nonce: 4294967296 does not fit a u32 (0 to 4294967295)");
    assertThatThrownBy(() -> encoder.encode(account, json("{\"nonce\": -1}")))
        .hasMessage("value.nonce: -1 does not fit a u32 (0 to 4294967295)");
    int phase = item(metadata, "System", "ExecutionPhase").valueType();
    assertThatThrownBy(() -> encoder.encode(phase, json("\"Later\"")))
        .hasMessage(
            "value: no variant \"Later\" (variants: ApplyExtrinsic, Finalization,"
                + " Initialization)");
    int sudo = item(metadata, "Sudo", "Key").valueType();
    assertThatThrownBy(() -> encoder.encode(sudo, json("\"0x0102\"")))
        .hasMessage("value: expected 32 bytes, found 2");
    assertThat(metadata.pallet("Staking")).isEmpty();
    assertThatThrownBy(() -> RuntimeMetadata.decode(Bytes.fromHex("0x6d657461")))
        .hasMessageStartingWith("the runtime metadata does not decode");
    assertThatThrownBy(() -> RuntimeMetadata.decode(Bytes.fromHex("0x6d6574610d00")))
        .hasMessage("metadata V13 is not supported (V14 and V15 are)");
  }

  @Test
  void readsTheNodeTemplatesFrameMetadata() throws IOException {
    String hex =
        Files.readString(
                Fixtures.file("chainspecs/node-template-local.metadata.hex"),
                StandardCharsets.US_ASCII)
            .strip();
    RuntimeMetadata metadata = RuntimeMetadata.decode(Bytes.fromHex(hex));
    assertThat(metadata.pallets().stream().map(RuntimeMetadata.Pallet::name))
        .contains("System", "Timestamp", "Aura", "Grandpa", "Balances", "Sudo");
    JsonScaleEncoder encoder = new JsonScaleEncoder(metadata);
    RuntimeMetadata.StorageItem account = item(metadata, "System", "Account");
    Bytes aliceKey =
        account.entryKey(List.of(encoder.encode(account.keyType(), json("\"" + ALICE + "\""))));
    assertThat(aliceKey.toHex())
        .endsWith("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
    Bytes value = encoder.encode(account.valueType(), json("{\"data\": {\"free\": 5}}"));
    assertThat(value.length()).isEqualTo(encoder.zero(account.valueType()).length());
    RuntimeMetadata.StorageItem now = item(metadata, "Timestamp", "Now");
    assertThat(now.prefixKey().toHex())
        .isEqualTo("0xf0c365c3cf59d671eb72da0e7a4113c49f1f0515f462cdcf84e0f1d6045dfcbb");
    assertThat(encoder.encode(now.valueType(), json("1700000000000")).toHex())
        .isEqualTo("0x0068e5cf8b010000");
  }
}
