/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.state.StorageChange;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.demo.account.AccountInfo;
import io.basalt.runtime.demo.chain.CallRecord;
import io.basalt.runtime.demo.chain.DemoChain;
import io.basalt.runtime.demo.chain.TestRuntimes;
import io.basalt.runtime.demo.genesis.GenesisPresets;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** GenesisBuilder (§10, §16.1): presets and exactly what {@code build_state} writes. */
class GenesisBuilderApiTest {
  private static final String DEV_PRESET =
      "{\"balances\":{\"balances\":["
          + "[\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\",1152921504606846976],"
          + "[\"5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty\",1152921504606846976],"
          + "[\"5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y\",1152921504606846976],"
          + "[\"5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy\",1152921504606846976],"
          + "[\"5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw\",1152921504606846976],"
          + "[\"5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL\",1152921504606846976]]},"
          + "\"sudo\":{\"key\":\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\"}}";
  private static final String DEFAULT =
      "{\"system\":{},\"balances\":{\"balances\":[]},\"sudo\":{\"key\":null},\"template\":{\"value\":null}}";

  /** A chain with nothing in it, to call the genesis APIs on. */
  private final DemoChain empty =
      DemoChain.fromConfig(TestRuntimes.nativeRuntime(100), "{}", Optional.empty());

  private Bytes call(String method, Bytes input) {
    return empty.call(method, input.toArray()).output();
  }

  private static Bytes someString(String s) {
    return new ScaleWriter().writeU8(1).writeString(s).toBytes();
  }

  private static Bytes someJson(String json) {
    return new ScaleWriter()
        .writeU8(1)
        .writeByteVec(json.getBytes(StandardCharsets.UTF_8))
        .toBytes();
  }

  @Test
  void presetNamesAndPresetsAreTheSpecsJson() {
    assertThat(call("GenesisBuilder_preset_names", Bytes.EMPTY))
        .isEqualTo(Bytes.fromHex("082c646576656c6f706d656e74346c6f63616c5f746573746e6574"));
    assertThat(call("GenesisBuilder_get_preset", Bytes.fromHex("00"))).isEqualTo(someJson(DEFAULT));
    assertThat(call("GenesisBuilder_get_preset", someString("development")))
        .isEqualTo(someJson(DEV_PRESET));
    assertThat(call("GenesisBuilder_get_preset", someString("local_testnet")))
        .isEqualTo(someJson(DEV_PRESET));
    assertThat(call("GenesisBuilder_get_preset", someString("staging")))
        .isEqualTo(Bytes.fromHex("00"));
    assertThat(call("GenesisBuilder_get_preset", Bytes.fromHex("0104ff")))
        .isEqualTo(Bytes.fromHex("00"));
    assertThat(GenesisPresets.DEFAULT_CONFIG).isEqualTo(DEFAULT);
  }

  /** The writes of {@code build_state(json)} (on a state that holds the empty config's genesis). */
  private Map<Bytes, Optional<Bytes>> buildState(int spec, String json, List<CallRecord> calls) {
    Bytes input = new ScaleWriter().writeByteVec(json.getBytes(StandardCharsets.UTF_8)).toBytes();
    var changes =
        DemoChain.fromConfig(TestRuntimes.nativeRuntime(spec), "{}", Optional.empty())
            .callForChanges("GenesisBuilder_build_state", input.toArray(), calls);
    Map<Bytes, Optional<Bytes>> writes = new TreeMap<>();
    for (StorageChange c : changes.topChanges()) {
      writes.put(c.key(), c.value());
    }
    return writes;
  }

  private static final String SYSTEM = "26aa394eea5630e07c48ae0c9558cef7";

  @Test
  void buildStateWritesExactlyTheGenesisStorage() {
    List<CallRecord> calls = new ArrayList<>();
    String full = "{\"system\":{},\"template\":{\"value\":null}," + DEV_PRESET.substring(1);
    Map<Bytes, Optional<Bytes>> writes = buildState(100, full, calls);
    assertThat(calls.get(0).outcome().output()).isEqualTo(Bytes.fromHex("00"));
    Map<Bytes, Optional<Bytes>> expected = new TreeMap<>();
    String hash69 = "45".repeat(32);
    expected.put(
        Bytes.fromHex(SYSTEM + "a44704b568d21667356a5a050c118746b4def25cfda6ef3a00000000"),
        Optional.of(Bytes.fromHex(hash69)));
    expected.put(
        Bytes.fromHex(SYSTEM + "8a42f33323cb5ced3b44dd825fda9fcc"),
        Optional.of(Bytes.fromHex(hash69)));
    expected.put(
        Bytes.fromHex(SYSTEM + "f9cce9c888469bb1a0dceaa129672ef8"),
        Optional.of(Bytes.fromHex("91012c626173616c742d64656d6f")));
    expected.put(
        Bytes.fromHex(SYSTEM + "5684a022a34dd8bfa2baaf44f172b710"),
        Optional.of(Bytes.fromHex("01")));
    expected.put(
        Bytes.fromHex(SYSTEM + "a7fd6c28836b9a28522dc924110cf439"),
        Optional.of(Bytes.fromHex("01")));
    expected.put(
        Bytes.fromHex("3a65787472696e7369635f696e646578"), Optional.of(Bytes.fromHex("00000000")));
    BigInteger endowment = BigInteger.ONE.shiftLeft(60);
    Bytes info = AccountInfo.created(endowment).encode();
    assertThat(info)
        .isEqualTo(
            Bytes.fromHex(
                "00000000"
                    + "00000000"
                    + "01000000"
                    + "00000000"
                    + "0000000000000010"
                    + "0000000000000000"
                    + "00".repeat(16)
                    + "00".repeat(16)
                    + "00".repeat(15)
                    + "80"));
    for (Bytes account : GenesisPresets.DEV_ACCOUNTS) {
      Bytes key =
          Bytes.fromHex(SYSTEM + "b99d880ec681799c0cf30e8886371da9")
              .concat(Bytes.wrap(Hashing.blake2b128(account.toArray())))
              .concat(account);
      expected.put(key, Optional.of(info));
    }
    expected.put(
        Bytes.fromHex("c2261276cc9d1f8598ea4b6a74b15c2f57c875e4cff74148e4628f264b974c80"),
        Optional.of(
            new ScaleWriter().writeU128(endowment.multiply(BigInteger.valueOf(6))).toBytes()));
    expected.put(
        Bytes.fromHex("5c0d1176a568c1f92944340dbfed9e9c530ebca703c85910e7164cb7d1c9e47b"),
        Optional.of(GenesisPresets.DEV_ACCOUNTS.get(0)));
    assertThat(writes).isEqualTo(expected);
    // The spec's example key of System.Account[Alice].
    assertThat(
            writes.keySet().stream()
                .map(Bytes::toHex)
                .filter(
                    k ->
                        k.startsWith(
                            "0x"
                                + SYSTEM
                                + "b99d880ec681799c0cf30e8886371da9de1e86a9a8c739864cf3cc5ec2bea59fd43593c7")))
        .hasSize(1);
  }

  @Test
  void spec101WritesTheTemplateRecordAndStorageVersion() {
    Map<Bytes, Optional<Bytes>> writes =
        buildState(101, "{\"template\":{\"value\":9}}", new ArrayList<>());
    String template = "726b3c277093e8f802a921b5d3ef011b";
    assertThat(writes)
        .containsEntry(
            Bytes.fromHex(template + "6b2f21989c43cc4e06ac1ad3e2027000"),
            Optional.of(Bytes.fromHex("0900000000000000")))
        .containsEntry(
            Bytes.fromHex(template + "4e7b9012096b41c4eb3aaf947f6ea429"),
            Optional.of(Bytes.fromHex("0100")))
        .containsEntry(
            Bytes.fromHex(SYSTEM + "f9cce9c888469bb1a0dceaa129672ef8"),
            Optional.of(Bytes.fromHex("95012c626173616c742d64656d6f")));
    Map<Bytes, Optional<Bytes>> v100 =
        buildState(100, "{\"template\":{\"value\":9}}", new ArrayList<>());
    assertThat(v100)
        .containsEntry(
            Bytes.fromHex(template + "6b2f21989c43cc4e06ac1ad3e2027000"),
            Optional.of(Bytes.fromHex("09000000")))
        .doesNotContainKey(Bytes.fromHex(template + "4e7b9012096b41c4eb3aaf947f6ea429"));
  }

  @Test
  void invalidConfigsAreErrorsAndWriteNothing() {
    String alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    String bob = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
    List<String> invalid =
        List.of(
            "",
            "[]",
            "{\"system\":{}} trailing",
            "{\"system\":{\"x\":1}}",
            "{\"unknown\":{}}",
            "{\"balances\":{\"balances\":{}}}",
            "{\"balances\":{\"other\":[]}}",
            "{\"balances\":{\"balances\":[[\"" + alice + "\"]]}}",
            "{\"balances\":{\"balances\":[[\"" + alice + "\",999999999]]}}",
            "{\"balances\":{\"balances\":[[\"" + alice + "\",-5]]}}",
            "{\"balances\":{\"balances\":[[\"" + alice + "\",1.5e12]]}}",
            "{\"balances\":{\"balances\":[[\"" + alice + "\",1e12]]}}",
            "{\"balances\":{\"balances\":[[\"" + alice + "\",1000000000000.0]]}}",
            "{\"template\":{\"value\":-0}}",
            "{\"sudo\":null}",
            "{\"balances\":null}",
            "{\"balances\":{\"balances\":null}}",
            "{\"system\":null}",
            "{\"balances\":{\"balances\":[[\"" + alice + "\",\"0x10\"]]}}",
            "{\"balances\":{\"balances\":[[\"" + alice.substring(0, 47) + "Z\",1000000000000]]}}",
            "{\"balances\":{\"balances\":[[\""
                + alice
                + "\",1000000000000],[\""
                + alice
                + "\",1000000000000]]}}",
            "{\"balances\":{\"balances\":[[\""
                + alice
                + "\",\""
                + BigInteger.ONE.shiftLeft(127)
                + "\"],[\""
                + bob
                + "\",\""
                + BigInteger.ONE.shiftLeft(127)
                + "\"]]}}",
            "{\"balances\":{\"balances\":[[\""
                + alice
                + "\",\""
                + BigInteger.ONE.shiftLeft(128)
                + "\"]]}}",
            // Polkadot (prefix 0) address of Alice
            "{\"sudo\":{\"key\":\"15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5\"}}",
            "{\"sudo\":{\"key\":5}}",
            "{\"template\":{\"value\":4294967296}}",
            "{\"template\":{\"value\":\"1\"}}",
            "{\"sudo\":{\"key\":null},\"sudo\":{\"key\":null}}");
    for (String json : invalid) {
      List<CallRecord> calls = new ArrayList<>();
      Map<Bytes, Optional<Bytes>> writes = buildState(100, json, calls);
      Bytes out = calls.get(0).outcome().output();
      assertThat(out.get(0)).as("build_state(%s)", json).isEqualTo((byte) 1);
      assertThat(new ScaleReader(out.slice(1, out.length())).readString()).as(json).isNotBlank();
      assertThat(writes).as("build_state(%s) writes", json).isEmpty();
    }
  }

  @Test
  void validEdgeConfigsAreAccepted() {
    String alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    List<String> valid =
        List.of(
            "{}",
            "{\"system\":{},\"sudo\":{}}",
            "{\"balances\":{\"balances\":[[\"" + alice + "\",\"1000000000\"]]}}",
            "{\"balances\":{\"balances\":[[\""
                + alice
                + "\",340282366920938463463374607431768211455]]}}",
            "{\"template\":{\"value\":4294967295}}");
    for (String json : valid) {
      List<CallRecord> calls = new ArrayList<>();
      buildState(100, json, calls);
      assertThat(calls.get(0).outcome().output())
          .as("build_state(%s)", json)
          .isEqualTo(Bytes.fromHex("00"));
    }
  }
}
