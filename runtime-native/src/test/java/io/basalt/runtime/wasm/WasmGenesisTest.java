/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.StateBackend;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.runtime.demo.chain.WasmCode;
import io.basalt.runtime.demo.storage.StorageKeys;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code GenesisBuilder_build_state} writes exactly the storage of spec §10, or nothing. */
class WasmGenesisTest {

  static Stream<Arguments> specsAndMethods() {
    return WasmRuntimeApiTest.specsAndMethods();
  }

  /** The storage spec §10 lists, computed here from the spec text. */
  private static NavigableMap<Bytes, Bytes> expectedGenesis(int spec, Long templateValue) {
    TreeMap<Bytes, Bytes> expected = new TreeMap<>();
    Bytes h45 = Bytes.wrap(filled(32, 0x45));
    expected.put(StorageKeys.mapEntry("System", "BlockHash", 0), h45);
    expected.put(StorageKeys.plain("System", "ParentHash"), h45);
    expected.put(
        StorageKeys.plain("System", "LastRuntimeUpgrade"),
        new ScaleWriter().writeCompact(spec).writeString("basalt-demo").toBytes());
    expected.put(StorageKeys.plain("System", "UpgradedToU32RefCount"), Bytes.of((byte) 1));
    expected.put(StorageKeys.plain("System", "UpgradedToTripleRefCount"), Bytes.of((byte) 1));
    expected.put(WellKnownKeys.EXTRINSIC_INDEX, Bytes.wrap(new byte[4]));
    BigInteger endowment = BigInteger.ONE.shiftLeft(60);
    for (String publicKey : Genesis.DEV_PUBLIC_KEYS) {
      expected.put(
          StorageKeys.mapEntry("System", "Account", Bytes.fromHex(publicKey)),
          account(0, endowment));
    }
    expected.put(
        StorageKeys.plain("Balances", "TotalIssuance"),
        new ScaleWriter().writeU128(endowment.multiply(BigInteger.valueOf(6))).toBytes());
    expected.put(StorageKeys.plain("Sudo", "Key"), Bytes.fromHex(Genesis.DEV_PUBLIC_KEYS[0]));
    if (templateValue != null) {
      ScaleWriter value = new ScaleWriter().writeU32(templateValue);
      if (spec == 101) {
        value.writeU32(0);
      }
      expected.put(StorageKeys.plain("Template", "Value"), value.toBytes());
    }
    if (spec == 101) {
      expected.put(StorageKeys.storageVersion("Template"), Bytes.fromHex("0100"));
    }
    return expected;
  }

  static Bytes account(long nonce, BigInteger free) {
    return new ScaleWriter()
        .writeU32(nonce)
        .writeU32(0)
        .writeU32(1)
        .writeU32(0)
        .writeU128(free)
        .writeU128(BigInteger.ZERO)
        .writeU128(BigInteger.ZERO)
        .writeU128(BigInteger.ONE.shiftLeft(127))
        .toBytes();
  }

  private static byte[] filled(int n, int value) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, (byte) value);
    return b;
  }

  @ParameterizedTest(name = "spec {0}, {1}")
  @MethodSource("specsAndMethods")
  void developmentGenesisIsExactlyTheSpecsStorage(int spec, WasmExecutionMethod m) {
    SteppedChain chain =
        SteppedChain.genesis(
            WasmCode.executor(m), WasmCode.compressed(spec).toArray(), Genesis.development("null"));
    NavigableMap<Bytes, Bytes> expected = expectedGenesis(spec, null);
    expected.put(WellKnownKeys.CODE, Bytes.wrap(WasmCode.compressed(spec).toArray()));
    assertThat(chain.state()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "spec {0}, {1}")
  @MethodSource("specsAndMethods")
  void templateValueIsStoredInTheSpecsLayout(int spec, WasmExecutionMethod m) {
    SteppedChain chain =
        SteppedChain.genesis(
            WasmCode.executor(m), WasmCode.compressed(spec).toArray(), Genesis.development("42"));
    NavigableMap<Bytes, Bytes> expected = expectedGenesis(spec, 42L);
    expected.put(WellKnownKeys.CODE, Bytes.wrap(WasmCode.compressed(spec).toArray()));
    assertThat(chain.state()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "spec {0}, {1}")
  @MethodSource("specsAndMethods")
  void invalidConfigsAreErrorsThatWriteNothing(int spec, WasmExecutionMethod m) {
    String alice = Genesis.ALICE;
    String[] invalid = {
      "not json",
      "{\"unknown\":{}}",
      "{\"system\":{\"x\":1}}",
      "{\"sudo\":{\"key\":\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ\"}}",
      "{\"balances\":{\"balances\":[[\"" + alice + "\",999999999]]}}",
      "{\"balances\":{\"balances\":[[\""
          + alice
          + "\",1000000000],[\""
          + alice
          + "\",1000000000]]}}",
      "{\"balances\":{\"balances\":[[\""
          + alice
          + "\",\"340282366920938463463374607431768211455\"],[\""
          + Genesis.DEV_ADDRESSES[1]
          + "\",1000000000]]}}",
      "{\"template\":{\"value\":-1}}",
      "{\"template\":{\"value\":\"1\"}}",
    };
    for (String json : invalid) {
      OverlayedChanges overlay = new OverlayedChanges();
      byte[] result =
          WasmCode.executor(m)
              .call(
                  RuntimeBlob.parse(WasmCode.compressed(spec).toArray()),
                  "GenesisBuilder_build_state",
                  new ScaleWriter()
                      .writeByteVec(json.getBytes(StandardCharsets.UTF_8))
                      .toByteArray(),
                  new OverlayedExternalities(overlay, StateBackend.empty()));
      assertThat(result[0]).as("Err for %s: %s", json, Hex.encode(result)).isEqualTo((byte) 1);
      assertThat(overlay.topChanges()).as("changes for %s", json).isEmpty();
    }
  }

  @ParameterizedTest(name = "spec {0}, {1}")
  @MethodSource("specsAndMethods")
  void emptyConfigWritesZeroIssuanceAndNoAccounts(int spec, WasmExecutionMethod m) {
    SteppedChain chain =
        SteppedChain.genesis(WasmCode.executor(m), WasmCode.compressed(spec).toArray(), "{}");
    assertThat(chain.state().get(StorageKeys.plain("Balances", "TotalIssuance")))
        .isEqualTo(Bytes.wrap(new byte[16]));
    assertThat(chain.state().get(StorageKeys.plain("Sudo", "Key"))).isNull();
    assertThat(chain.state()).hasSize(spec == 101 ? 9 : 8);
  }
}
