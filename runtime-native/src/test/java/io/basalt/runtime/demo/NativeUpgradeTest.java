/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.BuiltBlock;
import io.basalt.runtime.demo.chain.CallOutcome;
import io.basalt.runtime.demo.chain.DemoChain;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.FakeRuntimeCode;
import io.basalt.runtime.demo.chain.TestRuntimes;
import io.basalt.runtime.demo.dispatch.DispatchError;
import io.basalt.runtime.demo.event.EventRecord;
import io.basalt.runtime.demo.event.Phase;
import io.basalt.runtime.demo.event.RuntimeEvent;
import io.basalt.runtime.demo.pallet.system.SystemPallet;
import io.basalt.runtime.demo.pallet.template.TemplatePallet;
import io.basalt.runtime.metadata.demo.DemoRuntimeDescription;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Runtime upgrades on the Java runtime (§8, §16.5), with code blobs that only declare a version;
 * the harness runs the native runtime whose spec version {@code :code} declares.
 */
class NativeUpgradeTest {
  private static final RuntimeVersion V100 = DemoRuntimeDescription.version(100);
  private static final RuntimeVersion V101 = DemoRuntimeDescription.version(101);
  private static final Bytes CODE_100 = FakeRuntimeCode.declaring(V100);
  private static final Bytes CODE_101 = FakeRuntimeCode.declaring(V101);

  private final KeyPair alice = DevAccounts.alice();

  private Scenario chainWithCode() {
    DemoChain chain =
        DemoChain.fromPreset(TestRuntimes.nativeRuntime(100), "development", Optional.of(CODE_100));
    return new Scenario(chain, 100);
  }

  private static Optional<DispatchError> sudid(Scenario s) {
    return s.eventsOf(1).stream()
        .filter(e -> e instanceof RuntimeEvent.Sudid)
        .map(e -> ((RuntimeEvent.Sudid) e).error())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void setCodeRejectsOlderEqualForeignAndUnreadableCode() {
    Scenario s = chainWithCode();
    record Case(Bytes code, DispatchError error) {}
    List<Case> cases =
        List.of(
            new Case(FakeRuntimeCode.declaring("basalt-demo", 99), new DispatchError.Module(0, 1)),
            new Case(CODE_100, new DispatchError.Module(0, 1)),
            new Case(FakeRuntimeCode.declaring("other-chain", 200), new DispatchError.Module(0, 0)),
            new Case(Bytes.fromHex("0102"), new DispatchError.Module(0, 2)),
            new Case(Bytes.fromHex("0061736d01000000"), new DispatchError.Module(0, 2)));
    for (Case c : cases) {
      BuiltBlock block =
          s.block(s.signed(alice, new RuntimeCall.Sudo(new RuntimeCall.SetCode(c.code()))));
      assertThat(block.applyResults()).containsExactly(Bytes.fromHex("0000"));
      assertThat(sudid(s)).as("set_code(%s)", c.code()).contains(c.error());
      assertThat(s.chain.storage(WellKnownKeys.CODE)).contains(CODE_100);
      assertThat(block.block().header().digest()).isEmpty();
    }
    // Without checks anything goes.
    BuiltBlock forced =
        s.block(
            s.signed(alice, new RuntimeCall.Sudo(new RuntimeCall.SetCodeWithoutChecks(CODE_100))));
    assertThat(sudid(s)).isEmpty();
    assertThat(forced.block().header().digest())
        .containsExactly(new DigestItem.RuntimeEnvironmentUpdated());
  }

  @Test
  void upgradeTo101RunsTheMigrationInTheNextBlockAndBothBlocksReexecute() {
    Scenario s = chainWithCode();
    DemoChain verifier = s.chain.fork(TestRuntimes.nativeRuntime(100));
    BuiltBlock b1 = s.block(s.signed(DevAccounts.bob(), new RuntimeCall.SetValue(7)));
    assertThat(s.chain.storage(TemplatePallet.VALUE)).contains(Bytes.fromHex("07000000"));

    BuiltBlock b2 =
        s.block(s.signed(alice, new RuntimeCall.Sudo(new RuntimeCall.SetCode(CODE_101))));
    assertThat(sudid(s)).isEmpty();
    assertThat(s.eventsOf(1)).contains(new RuntimeEvent.CodeUpdated());
    assertThat(b2.block().header().digest())
        .containsExactly(new DigestItem.RuntimeEnvironmentUpdated());
    assertThat(s.chain.storage(WellKnownKeys.CODE)).contains(CODE_101);
    assertThat(s.chain.storage(SystemPallet.LAST_RUNTIME_UPGRADE))
        .contains(Bytes.fromHex("9101" + "2c626173616c742d64656d6f"));

    BuiltBlock b3 = s.block();
    List<EventRecord> events = s.events();
    assertThat(events.get(0))
        .isEqualTo(new EventRecord(new Phase.Initialization(), new RuntimeEvent.Migrated(0, 1, 1)));
    assertThat(s.chain.storage(SystemPallet.LAST_RUNTIME_UPGRADE))
        .contains(Bytes.fromHex("9501" + "2c626173616c742d64656d6f"));
    // Translated at block 3's initialization, when System.Number was still 2.
    assertThat(s.chain.storage(TemplatePallet.VALUE))
        .contains(new ScaleWriter().writeU32(7).writeU32(2).toBytes());
    assertThat(s.chain.storage(TemplatePallet.STORAGE_VERSION)).contains(Bytes.fromHex("0100"));

    s.block();
    assertThat(s.events()).noneMatch(e -> e.event() instanceof RuntimeEvent.Migrated);

    for (BuiltBlock b : List.of(b1, b2, b3)) {
      assertThat(verifier.importBlock(b.block())).isEqualTo(new CallOutcome.Returned(Bytes.EMPTY));
    }
    assertThat(verifier.head().hash()).isEqualTo(b3.block().header().hash());
  }

  @Test
  void aChainBornOn101NeverMigrates() {
    DemoChain chain =
        DemoChain.fromConfig(
            TestRuntimes.nativeRuntime(101), "{\"template\":{\"value\":5}}", Optional.of(CODE_101));
    assertThat(chain.storage(TemplatePallet.VALUE)).contains(Bytes.fromHex("0500000000000000"));
    assertThat(chain.storage(TemplatePallet.STORAGE_VERSION)).contains(Bytes.fromHex("0100"));
    Scenario s = new Scenario(chain, 101);
    s.block();
    s.block();
    assertThat(s.events()).noneMatch(e -> e.event() instanceof RuntimeEvent.Migrated);
    assertThat(chain.storage(TemplatePallet.VALUE)).contains(Bytes.fromHex("0500000000000000"));
  }

  @Test
  void migrationDropsAValueOfTheWrongShapeAndCountsNothing() {
    Scenario s = chainWithCode();
    s.block(
        s.signed(
            alice,
            new RuntimeCall.Sudo(
                new RuntimeCall.SetStorage(
                    List.of(
                        new RuntimeCall.KeyValue(TemplatePallet.VALUE, Bytes.fromHex("0102")))))));
    s.block(s.signed(alice, new RuntimeCall.Sudo(new RuntimeCall.SetCode(CODE_101))));
    s.block();
    assertThat(s.events().get(0).event()).isEqualTo(new RuntimeEvent.Migrated(0, 1, 0));
    assertThat(s.chain.storage(TemplatePallet.VALUE)).isEmpty();
  }
}
