/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.executor.api.RuntimeContext;
import io.basalt.executor.api.UnsupportedRuntimeApiException;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.StateBackend;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.api.RuntimeApis;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.CallOutcome;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.TestRuntimes;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import io.basalt.runtime.metadata.MetadataVersion;
import io.basalt.runtime.metadata.RuntimeApiSpec;
import io.basalt.runtime.metadata.demo.MetadataBlobs;
import io.basalt.runtime.metadata.demo.RuntimeApisDescription;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Core, Metadata, AccountNonce, TransactionPayment and SessionKeys APIs (§1, §9, §16.7). */
class RuntimeApisTest {
  private final Scenario s = Scenario.dev(100);

  private Bytes call(String method, String inputHex) {
    return s.chain.call(method, Bytes.fromHex(inputHex).toArray()).output();
  }

  private static Bytes callOn(BasaltDemoNativeRuntime runtime, String method) {
    var ext = new OverlayedExternalities(new OverlayedChanges(), StateBackend.empty());
    return Bytes.wrap(
        runtime.call(
            method,
            new byte[0],
            new RuntimeContext(ext, TestRuntimes.SERVICES, TestRuntimes.versionReader())));
  }

  @Test
  void coreVersionIsTheSpecsBytes() {
    String v100 =
        "2c626173616c742d64656d6f2c626173616c742d64656d6f01000000640000000000000024"
            + "df6acb689907609b0400000037e397fc7c91f5e40200000040fe3ad401f8959a06000000"
            + "d2bc9897eed08f1503000000f78b278be53f454c02000000bc9d89904f5b923f01000000"
            + "37c8bb1350a9a2a804000000fbc577b9d747efd601000000ab3c0572291feb8b01000000"
            + "0100000001";
    assertThat(callOn(BasaltDemoNativeRuntime.v100(), "Core_version"))
        .isEqualTo(Bytes.fromHex(v100));
    assertThat(callOn(BasaltDemoNativeRuntime.v101(), "Core_version"))
        .isEqualTo(Bytes.fromHex(v100.replace("01000000640000000000", "01000000650000000000")));
    assertThat(Bytes.fromHex(v100).length()).isEqualTo(150);
    assertThat(BasaltDemoNativeRuntime.v101().version().specVersion()).isEqualTo(101);
  }

  @Test
  void theNativeRuntimeExportsExactlyTheDescribedApis() {
    Set<String> described = new TreeSet<>();
    for (RuntimeApiSpec api : RuntimeApisDescription.apis()) {
      for (RuntimeApiSpec.Method m : api.methods()) {
        described.add(api.name() + "_" + m.name());
      }
    }
    assertThat(RuntimeApis.names()).isEqualTo(described);
    assertThatThrownBy(() -> callOn(BasaltDemoNativeRuntime.v100(), "Core_unknown"))
        .isInstanceOf(UnsupportedRuntimeApiException.class);
  }

  @Test
  void metadataIsTheCommittedBlobOfTheRunningSpec() {
    Bytes v14 = MetadataBlobs.load(100, MetadataVersion.V14);
    Bytes v15 = MetadataBlobs.load(100, MetadataVersion.V15);
    assertThat(call("Metadata_metadata", ""))
        .isEqualTo(new ScaleWriter().writeByteVec(v14).toBytes());
    assertThat(call("Metadata_metadata_at_version", "0e000000"))
        .isEqualTo(new ScaleWriter().writeU8(1).writeByteVec(v14).toBytes());
    assertThat(call("Metadata_metadata_at_version", "0f000000"))
        .isEqualTo(new ScaleWriter().writeU8(1).writeByteVec(v15).toBytes());
    assertThat(call("Metadata_metadata_at_version", "0d000000")).isEqualTo(Bytes.fromHex("00"));
    assertThat(call("Metadata_metadata_at_version", "10000000")).isEqualTo(Bytes.fromHex("00"));
    assertThat(call("Metadata_metadata_versions", ""))
        .isEqualTo(Bytes.fromHex("080e0000000f000000"));
    Bytes v101 = MetadataBlobs.load(101, MetadataVersion.V14);
    assertThat(callOn(BasaltDemoNativeRuntime.v101(), "Metadata_metadata"))
        .isEqualTo(new ScaleWriter().writeByteVec(v101).toBytes());
  }

  @Test
  void accountNonceFollowsTheAccount() {
    String alice = DevAccounts.aliceId().bytes().toHex().substring(2);
    assertThat(call("AccountNonceApi_account_nonce", alice)).isEqualTo(Bytes.fromHex("00000000"));
    s.apply(DevAccounts.alice(), new RuntimeCall.Remark(Bytes.EMPTY));
    assertThat(call("AccountNonceApi_account_nonce", alice)).isEqualTo(Bytes.fromHex("01000000"));
    assertThat(call("AccountNonceApi_account_nonce", "00".repeat(32)))
        .isEqualTo(Bytes.fromHex("00000000"));
  }

  @Test
  void feeQueriesFollowTheFeeFormula() {
    UncheckedExtrinsic xt =
        s.signed(
            DevAccounts.alice(),
            new RuntimeCall.TransferKeepAlive(MultiAddress.id(DevAccounts.bobId()), Scenario.UNIT));
    String len = "91000000"; // 145
    String input = xt.encoded().toHex().substring(2) + len;
    // weight {100_000_000, 0}, Normal, 345_000_000
    assertThat(call("TransactionPaymentApi_query_info", input))
        .isEqualTo(
            new ScaleWriter()
                .writeCompact(100_000_000)
                .writeCompact(0)
                .writeU8(0)
                .writeU128(java.math.BigInteger.valueOf(345_000_000))
                .toBytes());
    assertThat(call("TransactionPaymentApi_query_fee_details", input))
        .isEqualTo(
            new ScaleWriter()
                .writeU8(1)
                .writeU128(java.math.BigInteger.valueOf(100_000_000))
                .writeU128(java.math.BigInteger.valueOf(145_000_000))
                .writeU128(java.math.BigInteger.valueOf(100_000_000))
                .writeU128(java.math.BigInteger.ZERO)
                .toBytes());
    String inherent =
        UncheckedExtrinsic.unsigned(new RuntimeCall.TimestampSet(5)).encoded().toHex().substring(2);
    assertThat(call("TransactionPaymentApi_query_info", inherent + "0a000000"))
        .isEqualTo(
            new ScaleWriter()
                .writeCompact(10_000_000)
                .writeCompact(0)
                .writeU8(2)
                .writeU128(java.math.BigInteger.ZERO)
                .toBytes());
    assertThat(call("TransactionPaymentApi_query_fee_details", inherent + "0a000000"))
        .isEqualTo(Bytes.fromHex("00" + "00".repeat(16)));
    assertThat(call("TransactionPaymentApi_query_weight_to_fee", "070010a5d4e8" + "00"))
        .isEqualTo(
            new ScaleWriter()
                .writeU128(java.math.BigInteger.valueOf(1_000_000_000_000L))
                .toBytes());
    assertThat(call("TransactionPaymentApi_query_length_to_fee", "0a000000"))
        .isEqualTo(new ScaleWriter().writeU128(java.math.BigInteger.valueOf(10_000_000)).toBytes());
  }

  @Test
  void sessionKeysAreEmpty() {
    assertThat(call("SessionKeys_generate_session_keys", "00")).isEqualTo(Bytes.fromHex("00"));
    assertThat(call("SessionKeys_generate_session_keys", "010401")).isEqualTo(Bytes.fromHex("00"));
    assertThat(call("SessionKeys_decode_session_keys", "00")).isEqualTo(Bytes.fromHex("0100"));
    assertThat(call("SessionKeys_decode_session_keys", "0401")).isEqualTo(Bytes.fromHex("00"));
  }

  @Test
  void readOnlyApisDoNotWrite() {
    var changes = new java.util.ArrayList<io.basalt.runtime.demo.chain.CallRecord>();
    String alice = DevAccounts.aliceId().bytes().toHex();
    assertThat(
            s.chain
                .callForChanges(
                    "AccountNonceApi_account_nonce", Bytes.fromHex(alice).toArray(), changes)
                .topChanges())
        .isEmpty();
    assertThat(changes.get(0).outcome()).isInstanceOf(CallOutcome.Returned.class);
  }
}
