/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.BuiltBlock;
import io.basalt.runtime.demo.chain.DemoChain;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import io.basalt.runtime.demo.chain.FakeRuntimeCode;
import io.basalt.runtime.demo.chain.WasmCode;
import io.basalt.runtime.demo.dispatch.DispatchError;
import io.basalt.runtime.demo.event.EventRecord;
import io.basalt.runtime.demo.event.Phase;
import io.basalt.runtime.demo.event.RuntimeEvent;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import io.basalt.runtime.demo.pallet.system.SystemPallet;
import io.basalt.runtime.demo.pallet.template.TemplatePallet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The acceptance's upgrade test on both implementations: {@code sudo(system.setCode(v101))}, then a
 * block runs the migration; {@code CodeUpdated} and {@code Migrated} are emitted and the header
 * carries {@code RuntimeEnvironmentUpdated}. The Java side switches to its spec-101 code when
 * {@code :code} declares 101, as a node's native-else-Wasm strategy would.
 */
class UpgradeDifferentialTest {

  private static List<RuntimeEvent> events(DemoChain chain) {
    return chain.storage(SystemPallet.EVENTS).map(EventRecord::decodeAll).orElseThrow().stream()
        .map(EventRecord::event)
        .toList();
  }

  private static void upgrade(WasmExecutionMethod method) {
    LockstepChains chains = LockstepChains.nativeVsWasm(method, "upgrade, native vs " + method);
    DemoChain chain = chains.first();
    ExtrinsicFactory v100 = new ExtrinsicFactory(100, chain.genesisHash());
    long time = 1_700_000_000_000L;

    chains.block(
        List.of(v100.signed(DevAccounts.bob(), new RuntimeCall.SetValue(7), 0)), time += 6000);
    assertThat(chain.storage(TemplatePallet.VALUE)).contains(Bytes.fromHex("07000000"));

    Bytes code101 = WasmCode.compressed(101);
    BuiltBlock upgrade =
        chains.block(
            List.of(
                v100.signed(
                    DevAccounts.alice(),
                    new RuntimeCall.Sudo(new RuntimeCall.SetCode(code101)),
                    0)),
            time += 6000);
    assertThat(upgrade.applyResults()).containsExactly(Bytes.fromHex("0000"));
    assertThat(events(chain))
        .contains(new RuntimeEvent.CodeUpdated(), new RuntimeEvent.Sudid(Optional.empty()));
    assertThat(upgrade.block().header().digest())
        .containsExactly(new DigestItem.RuntimeEnvironmentUpdated());
    assertThat(chain.storage(WellKnownKeys.CODE)).contains(code101);
    chains.call("Core_version", new byte[0]);

    BuiltBlock migrated = chains.block(List.of(), time += 6000);
    List<EventRecord> records =
        chain.storage(SystemPallet.EVENTS).map(EventRecord::decodeAll).orElseThrow();
    assertThat(records.get(0))
        .isEqualTo(new EventRecord(new Phase.Initialization(), new RuntimeEvent.Migrated(0, 1, 1)));
    assertThat(chain.storage(SystemPallet.LAST_RUNTIME_UPGRADE))
        .contains(Bytes.fromHex("95012c626173616c742d64656d6f"));
    assertThat(chain.storage(TemplatePallet.VALUE))
        .contains(new ScaleWriter().writeU32(7).writeU32(2).toBytes());
    assertThat(migrated.block().header().number()).isEqualTo(3);

    // Spec 101 from now on: signatures commit to 101, metadata is 101's.
    ExtrinsicFactory v101 = new ExtrinsicFactory(101, chain.genesisHash());
    BuiltBlock after =
        chains.block(
            List.of(
                v101.signed(
                    DevAccounts.alice(),
                    new RuntimeCall.TransferKeepAlive(
                        MultiAddress.id(DevAccounts.bobId()), BlockGenerator.UNIT),
                    1),
                v101.signed(DevAccounts.bob(), new RuntimeCall.SetValue(8), 1),
                v100.signed(DevAccounts.bob(), new RuntimeCall.SetValue(9), 2)),
            time += 6000);
    assertThat(after.applyResults())
        .containsExactly(Bytes.fromHex("0000"), Bytes.fromHex("0000"), Bytes.fromHex("010004"));
    assertThat(events(chain)).noneMatch(e -> e instanceof RuntimeEvent.Migrated);
    chains.call("Metadata_metadata", new byte[0]);
    chains.call("Core_version", new byte[0]);
  }

  /**
   * §8.1: "the rest of the block still runs the old code". Extrinsics after the {@code set_code} in
   * the same block are built and re-executed by spec 100: signatures commit to 100 and the Template
   * value keeps 100's layout until the next block migrates it.
   */
  @Test
  void setCodeTakesEffectFromTheNextBlockOnly() {
    LockstepChains chains =
        LockstepChains.nativeVsWasm(WasmExecutionMethod.COMPILED, "set_code mid-block");
    DemoChain chain = chains.first();
    ExtrinsicFactory v100 = new ExtrinsicFactory(100, chain.genesisHash());
    ExtrinsicFactory v101 = new ExtrinsicFactory(101, chain.genesisHash());
    Bytes code101 = WasmCode.compressed(101);
    BuiltBlock upgrade =
        chains.block(
            List.of(
                v100.signed(
                    DevAccounts.alice(), new RuntimeCall.Sudo(new RuntimeCall.SetCode(code101)), 0),
                v100.signed(DevAccounts.bob(), new RuntimeCall.SetValue(7), 0),
                v101.signed(DevAccounts.bob(), new RuntimeCall.SetValue(8), 1),
                v100.signed(
                    DevAccounts.sr25519("Charlie"),
                    new RuntimeCall.TransferKeepAlive(
                        MultiAddress.id(DevAccounts.bobId()), BlockGenerator.UNIT),
                    0)),
            1_700_000_006_000L);
    assertThat(upgrade.applyResults())
        .containsExactly(
            Bytes.fromHex("0000"),
            Bytes.fromHex("0000"),
            Bytes.fromHex("010004"),
            Bytes.fromHex("0000"));
    assertThat(upgrade.block().extrinsics()).hasSize(4);
    assertThat(chain.storage(WellKnownKeys.CODE)).contains(code101);
    assertThat(chain.storage(TemplatePallet.VALUE)).contains(Bytes.fromHex("07000000"));
    assertThat(upgrade.block().header().digest())
        .containsExactly(new DigestItem.RuntimeEnvironmentUpdated());

    chains.block(
        List.of(v101.signed(DevAccounts.bob(), new RuntimeCall.SetValue(8), 1)),
        1_700_000_012_000L);
    assertThat(events(chain)).contains(new RuntimeEvent.Migrated(0, 1, 1));
    assertThat(chain.storage(TemplatePallet.VALUE))
        .contains(new ScaleWriter().writeU32(8).writeU32(2).toBytes());
  }

  private static Bytes versionReporting(String specName, long specVersion) {
    return Bytes.wrap(FakeRuntimeCode.version(specName, specVersion).encode());
  }

  /**
   * §8.1: code without the version sections is judged by what its {@code Core_version} reports,
   * alike on both implementations (the Java runtime asks the executor's version reader, as the Wasm
   * runtime's {@code ext_misc_runtime_version} does).
   */
  @Test
  void codeWithoutVersionSectionsIsJudgedByItsCoreVersionOnBoth() {
    LockstepChains chains =
        LockstepChains.nativeVsWasm(
            WasmExecutionMethod.COMPILED, "set_code of code without version sections");
    DemoChain chain = chains.first();
    ExtrinsicFactory xts = new ExtrinsicFactory(100, chain.genesisHash());
    Bytes accepted =
        FakeRuntimeCode.reportingFromCoreVersion(Optional.of(versionReporting("basalt-demo", 102)));
    List<Bytes> codes =
        List.of(
            FakeRuntimeCode.reportingFromCoreVersion(
                Optional.of(versionReporting("basalt-demo", 99))),
            FakeRuntimeCode.reportingFromCoreVersion(
                Optional.of(versionReporting("other-demo", 200))),
            FakeRuntimeCode.reportingFromCoreVersion(Optional.empty()),
            FakeRuntimeCode.reportingFromCoreVersion(Optional.of(Bytes.fromHex("2c62"))),
            accepted);
    List<UncheckedExtrinsic> calls = new ArrayList<>();
    for (Bytes code : codes) {
      calls.add(v100(xts, calls.size(), new RuntimeCall.Sudo(new RuntimeCall.SetCode(code))));
    }
    BuiltBlock block = chains.block(calls, 1_700_000_006_000L);
    assertThat(block.applyResults()).containsOnly(Bytes.fromHex("0000"));
    List<Optional<DispatchError>> results =
        events(chain).stream()
            .filter(e -> e instanceof RuntimeEvent.Sudid)
            .map(e -> ((RuntimeEvent.Sudid) e).error())
            .toList();
    assertThat(results)
        .containsExactly(
            Optional.of(new DispatchError.Module(0, 1)), // SpecVersionNeedsToIncrease
            Optional.of(new DispatchError.Module(0, 0)), // InvalidSpecName
            Optional.of(new DispatchError.Module(0, 2)), // FailedToExtractRuntimeVersion (trap)
            Optional.of(new DispatchError.Module(0, 2)), // FailedToExtractRuntimeVersion (bytes)
            Optional.empty());
    assertThat(chain.storage(WellKnownKeys.CODE)).contains(accepted);
  }

  private static UncheckedExtrinsic v100(ExtrinsicFactory xts, long nonce, RuntimeCall call) {
    return xts.signed(DevAccounts.alice(), call, nonce);
  }

  @Test
  void upgradeAndMigrationAgreeOnCompiledWasm() {
    upgrade(WasmExecutionMethod.COMPILED);
  }

  @Test
  void upgradeAndMigrationAgreeOnInterpretedWasm() {
    upgrade(WasmExecutionMethod.INTERPRETED);
  }
}
