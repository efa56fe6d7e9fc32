/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.StateBackend;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.demo.chain.WasmCode;
import io.basalt.runtime.metadata.MetadataVersion;
import io.basalt.runtime.metadata.demo.DemoRuntimeDescription;
import io.basalt.runtime.metadata.demo.MetadataBlobs;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The stateless runtime APIs of the Wasm blobs: version, metadata, presets, fees, session keys. */
class WasmRuntimeApiTest {

  static Stream<Arguments> specsAndMethods() {
    return Stream.of(100, 101)
        .flatMap(spec -> Stream.of(WasmExecutionMethod.values()).map(m -> Arguments.of(spec, m)));
  }

  private static byte[] call(WasmExecutionMethod method, int spec, String api, byte[] input) {
    RuntimeExecutor executor = WasmCode.executor(method);
    return executor.call(
        RuntimeBlob.parse(WasmCode.compressed(spec).toArray()),
        api,
        input,
        new OverlayedExternalities(new OverlayedChanges(), StateBackend.empty()));
  }

  @ParameterizedTest(name = "spec {0}, {1}")
  @MethodSource("specsAndMethods")
  void coreVersionIsTheSpecVersionAndMatchesTheCustomSections(int spec, WasmExecutionMethod m) {
    byte[] version = call(m, spec, "Core_version", new byte[0]);
    assertThat(Hex.encodeBare(version))
        .isEqualTo(Hex.encodeBare(DemoRuntimeDescription.version(spec).encode()))
        .isEqualTo(
            "2c626173616c742d64656d6f2c626173616c742d64656d6f01000000"
                + (spec == 100 ? "64000000" : "65000000")
                + "0000000024df6acb689907609b0400000037e397fc7c91f5e40200000040fe3ad401f8959a06000000"
                + "d2bc9897eed08f1503000000f78b278be53f454c02000000bc9d89904f5b923f0100000037c8bb1350"
                + "a9a2a804000000fbc577b9d747efd601000000ab3c0572291feb8b010000000100000001");
    RuntimeBlob blob = RuntimeBlob.parse(WasmCode.compressed(spec).toArray());
    assertThat(blob.isCompressed()).isTrue();
    assertThat(blob.embeddedVersion()).contains(DemoRuntimeDescription.version(spec));
    assertThat(blob.embeddedVersion().orElseThrow().encode()).isEqualTo(version);
  }

  @ParameterizedTest(name = "spec {0}, {1}")
  @MethodSource("specsAndMethods")
  void metadataIsTheCommittedBlob(int spec, WasmExecutionMethod m) {
    Bytes v14 = MetadataBlobs.load(spec, MetadataVersion.V14);
    Bytes v15 = MetadataBlobs.load(spec, MetadataVersion.V15);
    assertThat(call(m, spec, "Metadata_metadata", new byte[0]))
        .isEqualTo(new ScaleWriter().writeByteVec(v14).toByteArray());
    assertThat(call(m, spec, "Metadata_metadata_at_version", u32(14)))
        .isEqualTo(new ScaleWriter().writeU8(1).writeByteVec(v14).toByteArray());
    assertThat(call(m, spec, "Metadata_metadata_at_version", u32(15)))
        .isEqualTo(new ScaleWriter().writeU8(1).writeByteVec(v15).toByteArray());
    assertThat(call(m, spec, "Metadata_metadata_at_version", u32(13))).containsExactly(0);
    assertThat(call(m, spec, "Metadata_metadata_at_version", u32(16))).containsExactly(0);
    assertThat(Hex.encodeBare(call(m, spec, "Metadata_metadata_versions", new byte[0])))
        .isEqualTo("080e0000000f000000");
  }

  @ParameterizedTest(name = "spec {0}, {1}")
  @MethodSource("specsAndMethods")
  void genesisPresetsAreTheSpecsJson(int spec, WasmExecutionMethod m) {
    assertThat(Hex.encodeBare(call(m, spec, "GenesisBuilder_preset_names", new byte[0])))
        .isEqualTo(
            "08"
                + "2c"
                + Hex.encodeBare(ascii("development"))
                + "34"
                + Hex.encodeBare(ascii("local_testnet")));
    assertThat(call(m, spec, "GenesisBuilder_get_preset", new byte[] {0}))
        .isEqualTo(someJson(Genesis.DEFAULT_CONFIG));
    for (String id : new String[] {"development", "local_testnet"}) {
      byte[] input = new ScaleWriter().writeU8(1).writeString(id).toByteArray();
      assertThat(call(m, spec, "GenesisBuilder_get_preset", input))
          .isEqualTo(someJson(Genesis.DEV_PRESET));
    }
    byte[] unknown = new ScaleWriter().writeU8(1).writeString("staging").toByteArray();
    assertThat(call(m, spec, "GenesisBuilder_get_preset", unknown)).containsExactly(0);
    // A PresetId is a Vec<u8>: a non-UTF-8 id is unknown, not undecodable.
    assertThat(
            call(m, spec, "GenesisBuilder_get_preset", new byte[] {1, 8, (byte) 0xff, (byte) 0xfe}))
        .containsExactly(0);
  }

  @ParameterizedTest(name = "spec {0}, {1}")
  @MethodSource("specsAndMethods")
  void feeQueriesAndSessionKeys(int spec, WasmExecutionMethod m) {
    byte[] weight = new ScaleWriter().writeCompact(123_456_789L).writeCompact(5L).toByteArray();
    assertThat(Hex.encodeBare(call(m, spec, "TransactionPaymentApi_query_weight_to_fee", weight)))
        .isEqualTo(Hex.encodeBare(u128(123_456_789L)));
    assertThat(Hex.encodeBare(call(m, spec, "TransactionPaymentApi_query_length_to_fee", u32(145))))
        .isEqualTo(Hex.encodeBare(u128(145_000_000L)));
    assertThat(call(m, spec, "SessionKeys_generate_session_keys", new byte[] {0}))
        .containsExactly(0);
    assertThat(call(m, spec, "SessionKeys_generate_session_keys", new byte[] {1, 8, 1, 2}))
        .containsExactly(0);
    assertThat(call(m, spec, "SessionKeys_decode_session_keys", new byte[] {0}))
        .containsExactly(1, 0);
    assertThat(call(m, spec, "SessionKeys_decode_session_keys", new byte[] {4, 7}))
        .containsExactly(0);
  }

  @ParameterizedTest(name = "spec {0}, {1}")
  @MethodSource("specsAndMethods")
  void queryInfoOfTheSpecsExtrinsic(int spec, WasmExecutionMethod m) {
    byte[] input =
        new ScaleWriter().writeRaw(SpecExamples.ED25519_TRANSFER).writeU32(145).toByteArray();
    // weight {100_000_000, 0}, Normal, partial fee 345_000_000
    assertThat(Hex.encodeBare(call(m, spec, "TransactionPaymentApi_query_info", input)))
        .isEqualTo("0284d717" + "00" + "00" + Hex.encodeBare(u128(345_000_000L)));
    assertThat(Hex.encodeBare(call(m, spec, "TransactionPaymentApi_query_fee_details", input)))
        .isEqualTo(
            "01"
                + Hex.encodeBare(u128(100_000_000L))
                + Hex.encodeBare(u128(145_000_000L))
                + Hex.encodeBare(u128(100_000_000L))
                + Hex.encodeBare(u128(0)));
    byte[] inherent =
        new ScaleWriter().writeRaw(Tx.unsigned(Tx.timestampSet(5))).writeU32(10).toByteArray();
    // Timestamp.set: weight {10_000_000, 0}, Mandatory, no fee
    assertThat(Hex.encodeBare(call(m, spec, "TransactionPaymentApi_query_info", inherent)))
        .isEqualTo("025a6202" + "00" + "02" + Hex.encodeBare(u128(0)));
    assertThat(Hex.encodeBare(call(m, spec, "TransactionPaymentApi_query_fee_details", inherent)))
        .isEqualTo("00" + Hex.encodeBare(u128(0)));
  }

  @ParameterizedTest(name = "spec {0}, {1}")
  @MethodSource("specsAndMethods")
  void badInputPanicsWithTheMethodName(int spec, WasmExecutionMethod m) {
    assertThatThrownBy(() -> call(m, spec, "Core_version", new byte[] {0}))
        .isInstanceOfSatisfying(
            RuntimeTrapException.class,
            e ->
                assertThat(e.panicMessage())
                    .contains("Bad input data provided to version: trailing bytes"));
    assertThatThrownBy(() -> call(m, spec, "Metadata_metadata_at_version", new byte[] {14, 0, 0}))
        .isInstanceOfSatisfying(
            RuntimeTrapException.class,
            e ->
                assertThat(e.panicMessage().orElseThrow())
                    .startsWith("Bad input data provided to metadata_at_version: "));
    byte[] truncated = new byte[SpecExamples.ED25519_TRANSFER.length - 1];
    System.arraycopy(SpecExamples.ED25519_TRANSFER, 0, truncated, 0, truncated.length);
    assertThatThrownBy(() -> call(m, spec, "BlockBuilder_apply_extrinsic", truncated))
        .isInstanceOfSatisfying(
            RuntimeTrapException.class,
            e ->
                assertThat(e.panicMessage().orElseThrow())
                    .startsWith("Bad input data provided to apply_extrinsic: "));
  }

  static byte[] u32(long v) {
    return new ScaleWriter().writeU32(v).toByteArray();
  }

  static byte[] u128(long v) {
    return new ScaleWriter().writeU128(java.math.BigInteger.valueOf(v)).toByteArray();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] someJson(String json) {
    return new ScaleWriter()
        .writeU8(1)
        .writeByteVec(json.getBytes(StandardCharsets.UTF_8))
        .toByteArray();
  }
}
