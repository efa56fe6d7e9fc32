/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo;

import static io.basalt.runtime.demo.Scenario.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.runtime.demo.account.AccountId;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.BuiltBlock;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.dispatch.DispatchClass;
import io.basalt.runtime.demo.dispatch.DispatchError;
import io.basalt.runtime.demo.dispatch.DispatchInfo;
import io.basalt.runtime.demo.dispatch.Weight;
import io.basalt.runtime.demo.event.RuntimeEvent;
import io.basalt.runtime.demo.pallet.sudo.SudoPallet;
import io.basalt.runtime.demo.pallet.template.TemplatePallet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sudo (§6.5), System calls (§6.1) and Template (§6.6) on the Java runtime. */
class SudoAndSystemCallsTest {
  private final Scenario s = Scenario.dev(100);
  private final KeyPair alice = DevAccounts.alice();
  private final KeyPair bob = DevAccounts.bob();
  private final AccountId aliceId = DevAccounts.aliceId();
  private final AccountId bobId = DevAccounts.bobId();
  private final AccountId charlieId = DevAccounts.account(DevAccounts.sr25519("Charlie"));
  private final RuntimeCall remark = new RuntimeCall.Remark(Bytes.fromHex("c0ffee"));

  private static final DispatchError REQUIRE_SUDO = new DispatchError.Module(4, 0);

  private RuntimeEvent lastOf(long index) {
    List<RuntimeEvent> events = s.eventsOf(index);
    return events.get(events.size() - 1);
  }

  @Test
  void sudoFromANonSudoAccountFailsWithRequireSudo() {
    assertThat(s.apply(bob, new RuntimeCall.Sudo(remark)))
        .isEqualTo(Bytes.fromHex("0001030400000000"));
    assertThat(lastOf(1))
        .isEqualTo(
            new RuntimeEvent.ExtrinsicFailed(
                REQUIRE_SUDO,
                new DispatchInfo(Weight.ofRefTime(120_000_000), DispatchClass.NORMAL, true)));
  }

  @Test
  void sudoSucceedsWhateverTheInnerResultAndReportsIt() {
    RuntimeCall failing =
        new RuntimeCall.ForceTransfer(
            MultiAddress.id(bobId),
            MultiAddress.id(charlieId),
            Scenario.ENDOWMENT.multiply(Scenario.ENDOWMENT));
    assertThat(s.apply(alice, new RuntimeCall.Sudo(failing))).isEqualTo(Bytes.fromHex("0000"));
    assertThat(s.eventsOf(1))
        .contains(
            new RuntimeEvent.Sudid(
                Optional.of(
                    new DispatchError.Token(
                        io.basalt.runtime.demo.dispatch.TokenError.FUNDS_UNAVAILABLE))));
    assertThat(s.free(bobId)).isEqualTo(Scenario.ENDOWMENT);
  }

  @Test
  void sudoWeighsItsOwnWeightPlusTheInnerCallsAndTakesItsClass() {
    s.apply(alice, new RuntimeCall.Sudo(remark));
    assertThat(lastOf(1))
        .isEqualTo(
            new RuntimeEvent.ExtrinsicSuccess(
                new DispatchInfo(Weight.ofRefTime(120_000_000), DispatchClass.NORMAL, true)));
    s.apply(alice, new RuntimeCall.Sudo(new RuntimeCall.SetHeapPages(4096)));
    assertThat(lastOf(1))
        .isEqualTo(
            new RuntimeEvent.ExtrinsicSuccess(
                new DispatchInfo(Weight.ofRefTime(130_000_000), DispatchClass.OPERATIONAL, true)));
    // The argument's proof size is ignored like every proof size (§5.5): only ref_time counts.
    var xt =
        s.signed(alice, new RuntimeCall.SudoUncheckedWeight(remark, new Weight(5_000_000_000L, 7)));
    s.block(xt);
    assertThat(lastOf(1))
        .isEqualTo(
            new RuntimeEvent.ExtrinsicSuccess(
                new DispatchInfo(Weight.ofRefTime(5_100_000_000L), DispatchClass.NORMAL, true)));
    long fee = 100_000_000L + xt.length() * 1_000_000L + 5_000_000_000L;
    assertThat(s.eventsOf(1).get(0))
        .isEqualTo(new RuntimeEvent.Withdraw(aliceId, java.math.BigInteger.valueOf(fee)));
  }

  @Test
  void sudoUncheckedWeightWeighsTheArgumentsRefTimeOnly() {
    RuntimeCall call = new RuntimeCall.SudoUncheckedWeight(remark, new Weight(5, 7));
    assertThat(call.weight()).isEqualTo(Weight.ofRefTime(5));
    assertThat(new RuntimeCall.Sudo(call).weight()).isEqualTo(Weight.ofRefTime(10_000_005));
    // query_info reports the same weight: {compact(5), compact(0)}, Normal, partial fee.
    var xt = s.signed(alice, call);
    byte[] query = new ScaleWriter().writeRaw(xt.encoded()).writeU32(xt.length()).toByteArray();
    Bytes info = s.chain.call("TransactionPaymentApi_query_info", query).output();
    Bytes expected =
        new ScaleWriter()
            .writeCompact(5)
            .writeCompact(0)
            .writeU8(0)
            .writeU128(java.math.BigInteger.valueOf(100_000_000L + xt.length() * 1_000_000L + 5))
            .toBytes();
    assertThat(info).isEqualTo(expected);
  }

  @Test
  void sudoAsDispatchesAsTheGivenAccount() {
    RuntimeCall inner = new RuntimeCall.TransferKeepAlive(MultiAddress.id(charlieId), UNIT);
    assertThat(s.apply(alice, new RuntimeCall.SudoAs(MultiAddress.id(bobId), inner)))
        .isEqualTo(Bytes.fromHex("0000"));
    assertThat(s.eventsOf(1))
        .contains(
            new RuntimeEvent.Transfer(bobId, charlieId, UNIT),
            new RuntimeEvent.SudoAsDone(Optional.empty()));
    assertThat(s.free(bobId)).isEqualTo(Scenario.ENDOWMENT.subtract(UNIT));
    assertThat(s.apply(alice, new RuntimeCall.SudoAs(new MultiAddress.Index(), inner)))
        .isEqualTo(Bytes.fromHex("000101"));
  }

  @Test
  void setKeyHandsSudoOverAndRemoveKeyEndsIt() {
    assertThat(s.apply(alice, new RuntimeCall.SetKey(MultiAddress.id(bobId))))
        .isEqualTo(Bytes.fromHex("0000"));
    assertThat(s.eventsOf(1)).contains(new RuntimeEvent.KeyChanged(Optional.of(aliceId), bobId));
    assertThat(s.chain.storage(SudoPallet.KEY)).contains(bobId.bytes());
    assertThat(s.apply(alice, new RuntimeCall.Sudo(remark)))
        .isEqualTo(Bytes.fromHex("0001030400000000"));
    assertThat(s.apply(bob, new RuntimeCall.RemoveKey())).isEqualTo(Bytes.fromHex("0000"));
    assertThat(s.eventsOf(1)).contains(new RuntimeEvent.KeyRemoved());
    assertThat(s.chain.storage(SudoPallet.KEY)).isEmpty();
    assertThat(s.apply(bob, new RuntimeCall.Sudo(remark)))
        .isEqualTo(Bytes.fromHex("0001030400000000"));
  }

  @Test
  void rootCannotCallSudo() {
    s.apply(alice, new RuntimeCall.Sudo(new RuntimeCall.Sudo(remark)));
    assertThat(s.eventsOf(1))
        .contains(new RuntimeEvent.Sudid(Optional.of(DispatchError.badOrigin())));
  }

  @Test
  void remarksNeedASignedOrRootOrigin() {
    assertThat(s.apply(alice, remark)).isEqualTo(Bytes.fromHex("0000"));
    assertThat(s.apply(alice, new RuntimeCall.Sudo(remark))).isEqualTo(Bytes.fromHex("0000"));
    assertThat(s.eventsOf(1)).contains(new RuntimeEvent.Sudid(Optional.empty()));
    Bytes text = Bytes.fromHex("68656c6c6f");
    assertThat(s.apply(alice, new RuntimeCall.RemarkWithEvent(text)))
        .isEqualTo(Bytes.fromHex("0000"));
    assertThat(s.eventsOf(1))
        .contains(new RuntimeEvent.Remarked(aliceId, Hashing.blake2b256Hash(text.toArray())));
    s.apply(alice, new RuntimeCall.Sudo(new RuntimeCall.RemarkWithEvent(text)));
    assertThat(s.eventsOf(1))
        .contains(new RuntimeEvent.Sudid(Optional.of(DispatchError.badOrigin())));
  }

  @Test
  void heapPagesAreRootOnlyAndUpdateTheRuntimeEnvironment() {
    assertThat(s.apply(alice, new RuntimeCall.SetHeapPages(4096)))
        .isEqualTo(Bytes.fromHex("000102"));
    BuiltBlock block =
        s.block(s.signed(alice, new RuntimeCall.Sudo(new RuntimeCall.SetHeapPages(4096))));
    assertThat(s.chain.storage(WellKnownKeys.HEAP_PAGES))
        .contains(Bytes.fromHex("0010000000000000"));
    assertThat(block.block().header().digest())
        .containsExactly(new DigestItem.RuntimeEnvironmentUpdated());
  }

  @Test
  void rawStorageCallsWriteAndDeleteKeysAndFlagEnvironmentChanges() {
    Bytes key = Bytes.fromHex("aa01");
    RuntimeCall set =
        new RuntimeCall.SetStorage(
            List.of(
                new RuntimeCall.KeyValue(key, Bytes.fromHex("01")),
                new RuntimeCall.KeyValue(Bytes.fromHex("aa02"), Bytes.fromHex("02"))));
    BuiltBlock b1 = s.block(s.signed(alice, new RuntimeCall.Sudo(set)));
    assertThat(s.chain.storage(key)).contains(Bytes.fromHex("01"));
    assertThat(b1.block().header().digest()).isEmpty();
    BuiltBlock b2 =
        s.block(
            s.signed(
                alice,
                new RuntimeCall.Sudo(
                    new RuntimeCall.SetStorage(
                        List.of(
                            new RuntimeCall.KeyValue(
                                WellKnownKeys.HEAP_PAGES, Bytes.fromHex("0100000000000000")))))));
    assertThat(b2.block().header().digest()).hasSize(1);
    s.block(s.signed(alice, new RuntimeCall.Sudo(new RuntimeCall.KillStorage(List.of(key)))));
    assertThat(s.chain.storage(key)).isEmpty();
    assertThat(s.chain.storage(Bytes.fromHex("aa02"))).isPresent();
    BuiltBlock b4 =
        s.block(
            s.signed(
                alice, new RuntimeCall.Sudo(new RuntimeCall.KillPrefix(Bytes.fromHex("aa"), 10))));
    assertThat(s.chain.storage(Bytes.fromHex("aa02"))).isEmpty();
    assertThat(b4.block().header().digest()).isEmpty();
    BuiltBlock b5 =
        s.block(
            s.signed(
                alice, new RuntimeCall.Sudo(new RuntimeCall.KillPrefix(Bytes.fromHex("3a68"), 0))));
    assertThat(b5.block().header().digest())
        .containsExactly(new DigestItem.RuntimeEnvironmentUpdated());
    assertThat(s.apply(alice, new RuntimeCall.KillStorage(List.of(key))))
        .isEqualTo(Bytes.fromHex("000102"));
  }

  @Test
  void templateValueIsAU32InSpec100AndARecordInSpec101() {
    assertThat(s.apply(bob, new RuntimeCall.SetValue(42))).isEqualTo(Bytes.fromHex("0000"));
    assertThat(s.eventsOf(1)).contains(new RuntimeEvent.ValueSet(42, bobId));
    assertThat(s.chain.storage(TemplatePallet.VALUE)).contains(Bytes.fromHex("2a000000"));
    Scenario v101 = Scenario.dev(101);
    v101.block();
    assertThat(v101.apply(bob, new RuntimeCall.SetValue(42))).isEqualTo(Bytes.fromHex("0000"));
    assertThat(v101.chain.storage(TemplatePallet.VALUE))
        .contains(new ScaleWriter().writeU32(42).writeU32(2).toBytes());
  }
}
