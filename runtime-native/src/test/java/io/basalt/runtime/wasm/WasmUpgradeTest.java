/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.runtime.demo.chain.FakeRuntimeCode;
import io.basalt.runtime.demo.chain.WasmCode;
import io.basalt.runtime.demo.storage.StorageKeys;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code sudo(set_code(v101))} on a spec-100 chain, the migration, and the set_code checks. */
class WasmUpgradeTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final KeyPair ALICE = WasmBlockTest.ALICE;

  private static SteppedChain chain(WasmExecutionMethod m, String templateValue) {
    return SteppedChain.genesis(
        WasmCode.executor(m),
        WasmCode.compressed(100).toArray(),
        Genesis.development(templateValue));
  }

  private static Bytes systemEvents(SteppedChain chain) {
    return chain.state().get(StorageKeys.plain("System", "Events"));
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void sudoSetCodeUpgradesAndTheNextBlockMigrates(WasmExecutionMethod m) {
    SteppedChain chain = chain(m, "7");
    SteppedChain replay = chain.fork();
    byte[] v101 = WasmCode.compressed(101).toArray();
    byte[] upgrade =
        Tx.signed(
            ALICE, Tx.sudo(Tx.setCode(v101)), Tx.Signing.immortal(0, 100, chain.genesisHash()));

    SteppedChain.BuiltBlock block1 = chain.build(T0, List.of(upgrade));

    assertThat(block1.results()).extracting(Hex::encodeBare).containsExactly("0000", "0000");
    assertThat(block1.header().digest())
        .containsExactly(new DigestItem.RuntimeEnvironmentUpdated());
    assertThat(chain.state().get(WellKnownKeys.CODE)).isEqualTo(Bytes.wrap(v101));
    String events1 = Hex.encodeBare(systemEvents(chain).toArray());
    assertThat(events1)
        .contains(Hex.encodeBare(Events.record(Events.applyExtrinsic(1), Events.codeUpdated())))
        .contains(
            Hex.encodeBare(Events.record(Events.applyExtrinsic(1), Events.sudid(new byte[] {0}))));
    assertThat(events1.indexOf(Hex.encodeBare(Events.codeUpdated())))
        .isLessThan(events1.indexOf(Hex.encodeBare(Events.sudid(new byte[] {0}))));
    assertThat(chain.state().get(StorageKeys.plain("Template", "Value")))
        .isEqualTo(Bytes.fromHex("07000000"));

    // Block 2 runs spec 101: the migration comes first, in the Initialization phase.
    byte[] setValue =
        Tx.signed(ALICE, Tx.setValue(9), Tx.Signing.immortal(1, 101, chain.genesisHash()));
    SteppedChain.BuiltBlock block2 = chain.build(T0 + 6000, List.of(setValue));

    assertThat(block2.results()).extracting(Hex::encodeBare).containsExactly("0000", "0000");
    byte[] events2 = systemEvents(chain).toArray();
    byte[] migrated = Events.record(Events.initialization(), Events.migrated(1));
    // six events: Migrated, the inherent's success, Withdraw, ValueSet, TransactionFeePaid, success
    assertThat(Hex.encodeBare(events2)).startsWith("18" + Hex.encodeBare(migrated));
    assertThat(chain.state().get(StorageKeys.plain("System", "LastRuntimeUpgrade")))
        .isEqualTo(new ScaleWriter().writeCompact(101).writeString("basalt-demo").toBytes());
    assertThat(chain.state().get(StorageKeys.storageVersion("Template")))
        .isEqualTo(Bytes.fromHex("0100"));
    // set_value in block 2 overwrote the translated {7, set_at 1} with {9, 2}.
    assertThat(chain.state().get(StorageKeys.plain("Template", "Value")))
        .isEqualTo(Bytes.fromHex("09000000" + "02000000"));
    assertThat(Hex.encodeBare(events2))
        .contains(
            Hex.encodeBare(
                Events.record(Events.applyExtrinsic(1), Events.valueSet(9, ALICE.accountId()))));

    // Import: both blocks re-execute (block 1 on spec 100, block 2 on the new :code).
    replay.execute(block1);
    SteppedChain afterBlock1 = replay.fork();
    assertThat(afterBlock1.state().get(StorageKeys.plain("Template", "Value")))
        .isEqualTo(Bytes.fromHex("07000000"));
    replay.execute(block2);
    assertThat(replay.state()).isEqualTo(chain.state());

    // Without set_value, the migration alone translates the value with set_at = 1.
    SteppedChain onlyMigration = afterBlock1.fork();
    onlyMigration.build(T0 + 6000, List.of());
    assertThat(onlyMigration.state().get(StorageKeys.plain("Template", "Value")))
        .isEqualTo(Bytes.fromHex("07000000" + "01000000"));
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void migrationWithoutAValueTranslatesNothing(WasmExecutionMethod m) {
    SteppedChain chain = chain(m, "null");
    byte[] upgrade =
        Tx.signed(
            ALICE,
            Tx.sudo(Tx.setCode(WasmCode.compressed(101).toArray())),
            Tx.Signing.immortal(0, 100, chain.genesisHash()));
    chain.build(T0, List.of(upgrade));
    chain.build(T0 + 6000, List.of());
    assertThat(Hex.encodeBare(systemEvents(chain).toArray()))
        .startsWith(
            "08" + Hex.encodeBare(Events.record(Events.initialization(), Events.migrated(0))));
    assertThat(chain.state()).doesNotContainKey(StorageKeys.plain("Template", "Value"));
    // A third block does not migrate again.
    chain.build(T0 + 12000, List.of());
    assertThat(Hex.encodeBare(systemEvents(chain).toArray()))
        .doesNotContain(Hex.encodeBare(Events.migrated(0)));
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void setCodeChecksTheNewVersion(WasmExecutionMethod m) {
    SteppedChain chain = chain(m, "null");
    byte[] otherName = FakeRuntimeCode.declaring("other-demo", 200).toArray();
    byte[] lower = FakeRuntimeCode.declaring("basalt-demo", 99).toArray();
    List<byte[]> calls =
        List.of(
            Tx.sudo(Tx.setCode(WasmCode.compressed(100).toArray())),
            Tx.sudo(Tx.setCode(lower)),
            Tx.sudo(Tx.setCode(otherName)),
            Tx.sudo(Tx.setCode(new byte[] {1, 2, 3})));
    List<byte[]> txs = new java.util.ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      txs.add(Tx.signed(ALICE, calls.get(i), Tx.Signing.immortal(i, 100, chain.genesisHash())));
    }
    SteppedChain.BuiltBlock block = chain.build(T0, txs);
    assertThat(block.results()).extracting(Hex::encodeBare).containsOnly("0000");
    assertThat(block.header().digest()).isEmpty();
    assertThat(chain.state().get(WellKnownKeys.CODE))
        .isEqualTo(Bytes.wrap(WasmCode.compressed(100).toArray()));
    String events = Hex.encodeBare(systemEvents(chain).toArray());
    String[] errors = {"030001000000", "030001000000", "030000000000", "030002000000"};
    for (int i = 0; i < errors.length; i++) {
      byte[] sudid = Events.sudid(Hex.decode("01" + errors[i]));
      assertThat(events)
          .as("set_code error %d", i)
          .contains(Hex.encodeBare(Events.record(Events.applyExtrinsic(i + 1), sudid)));
    }
    for (int i = 1; i <= errors.length; i++) {
      assertThat(events)
          .doesNotContain(
              Hex.encodeBare(Events.record(Events.applyExtrinsic(i), Events.codeUpdated())));
    }
  }
}
