/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo;

import static io.basalt.runtime.demo.Scenario.ED;
import static io.basalt.runtime.demo.Scenario.ENDOWMENT;
import static io.basalt.runtime.demo.Scenario.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.runtime.demo.account.AccountId;
import io.basalt.runtime.demo.account.AccountInfo;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.dispatch.DispatchClass;
import io.basalt.runtime.demo.dispatch.DispatchError;
import io.basalt.runtime.demo.dispatch.DispatchInfo;
import io.basalt.runtime.demo.dispatch.TokenError;
import io.basalt.runtime.demo.dispatch.Weight;
import io.basalt.runtime.demo.event.RuntimeEvent;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Balances transfers (runtime-spec §5.6–§5.8, §6.3, §16.2) on the Java runtime. */
class BalancesTransferTest {
  private final Scenario s = Scenario.dev(100);
  private final KeyPair alice = DevAccounts.alice();
  private final AccountId aliceId = DevAccounts.aliceId();
  private final AccountId bobId = DevAccounts.bobId();
  private final AccountId charlieId = DevAccounts.account(DevAccounts.sr25519("Charlie"));
  private final AccountId newcomer =
      DevAccounts.account(DevAccounts.pair(KeyScheme.ED25519, "Newcomer"));

  private static final DispatchInfo TRANSFER_INFO =
      new DispatchInfo(Weight.ofRefTime(200_000_000), DispatchClass.NORMAL, true);

  private static MultiAddress to(AccountId who) {
    return MultiAddress.id(who);
  }

  private static RuntimeEvent.ExtrinsicFailed failed(DispatchError error) {
    return new RuntimeEvent.ExtrinsicFailed(error, TRANSFER_INFO);
  }

  @Test
  void transferKeepAliveMovesValueChargesTheFeeAndEmitsEventsInSpecOrder() {
    UncheckedExtrinsic xt = s.signed(alice, new RuntimeCall.TransferKeepAlive(to(bobId), UNIT));
    BigInteger fee = Scenario.fee(xt);
    assertThat(s.block(xt).applyResults()).containsExactly(Bytes.fromHex("0000"));
    assertThat(s.eventsOf(1))
        .containsExactly(
            new RuntimeEvent.Withdraw(aliceId, fee),
            new RuntimeEvent.Transfer(aliceId, bobId, UNIT),
            new RuntimeEvent.TransactionFeePaid(aliceId, fee, BigInteger.ZERO),
            new RuntimeEvent.ExtrinsicSuccess(TRANSFER_INFO));
    assertThat(s.free(aliceId)).isEqualTo(ENDOWMENT.subtract(UNIT).subtract(fee));
    assertThat(s.free(bobId)).isEqualTo(ENDOWMENT.add(UNIT));
    assertThat(s.account(aliceId).nonce()).isEqualTo(1);
    assertThat(s.totalIssuance())
        .isEqualTo(ENDOWMENT.multiply(BigInteger.valueOf(6)).subtract(fee));
  }

  @Test
  void feeIsBasePlusLengthPlusWeight() {
    UncheckedExtrinsic xt = s.signed(alice, new RuntimeCall.TransferKeepAlive(to(bobId), UNIT));
    // §15: the 145-byte transfer_keep_alive costs 100_000_000 + 145_000_000 + 100_000_000.
    assertThat(xt.length()).isEqualTo(145);
    assertThat(Scenario.fee(xt)).isEqualTo(BigInteger.valueOf(345_000_000));
  }

  @Test
  void transferToANewAccountCreatesAndEndowsIt() {
    BigInteger value = ED.multiply(BigInteger.TWO);
    assertThat(s.apply(alice, new RuntimeCall.TransferAllowDeath(to(newcomer), value)))
        .isEqualTo(Bytes.fromHex("0000"));
    assertThat(s.eventsOf(1))
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly(
            "Withdraw",
            "NewAccount",
            "Endowed",
            "Transfer",
            "TransactionFeePaid",
            "ExtrinsicSuccess");
    assertThat(s.eventsOf(1))
        .contains(new RuntimeEvent.NewAccount(newcomer), new RuntimeEvent.Endowed(newcomer, value));
    assertThat(s.account(newcomer)).isEqualTo(AccountInfo.created(value));
  }

  @Test
  void belowMinimumToANewAccountFailsButStillCharges() {
    UncheckedExtrinsic xt =
        s.signed(
            alice, new RuntimeCall.TransferAllowDeath(to(newcomer), ED.subtract(BigInteger.ONE)));
    assertThat(s.block(xt).applyResults()).containsExactly(Bytes.fromHex("00010702"));
    assertThat(s.eventsOf(1))
        .containsExactly(
            new RuntimeEvent.Withdraw(aliceId, Scenario.fee(xt)),
            new RuntimeEvent.TransactionFeePaid(aliceId, Scenario.fee(xt), BigInteger.ZERO),
            failed(new DispatchError.Token(TokenError.BELOW_MINIMUM)));
    assertThat(s.exists(newcomer)).isFalse();
    assertThat(s.account(aliceId).nonce()).isEqualTo(1);
    assertThat(s.free(aliceId)).isEqualTo(ENDOWMENT.subtract(Scenario.fee(xt)));
  }

  @Test
  void keepAliveRefusesToTakeTheSenderBelowTheExistentialDeposit() {
    UncheckedExtrinsic probe =
        s.signed(alice, new RuntimeCall.TransferKeepAlive(to(bobId), ENDOWMENT));
    BigInteger afterFee = ENDOWMENT.subtract(Scenario.fee(probe));
    BigInteger value = afterFee.subtract(ED).add(BigInteger.ONE);
    assertThat(s.apply(alice, new RuntimeCall.TransferKeepAlive(to(bobId), value)))
        .isEqualTo(Bytes.fromHex("00010708"));
    assertThat(s.free(bobId)).isEqualTo(ENDOWMENT);
  }

  @Test
  void insufficientFundsAreFundsUnavailable() {
    assertThat(s.apply(alice, new RuntimeCall.TransferAllowDeath(to(bobId), ENDOWMENT)))
        .isEqualTo(Bytes.fromHex("00010700"));
  }

  @Test
  void transferAllWithoutKeepAliveReapsTheSenderWithoutDust() {
    KeyPair bob = DevAccounts.bob();
    UncheckedExtrinsic xt = s.signed(bob, new RuntimeCall.TransferAll(to(charlieId), false));
    BigInteger fee = Scenario.fee(xt);
    BigInteger issuance = s.totalIssuance();
    assertThat(s.block(xt).applyResults()).containsExactly(Bytes.fromHex("0000"));
    assertThat(s.exists(bobId)).isFalse();
    assertThat(s.free(charlieId)).isEqualTo(ENDOWMENT.add(ENDOWMENT).subtract(fee));
    assertThat(s.eventsOf(1))
        .containsExactly(
            new RuntimeEvent.Withdraw(bobId, fee),
            new RuntimeEvent.KilledAccount(bobId),
            new RuntimeEvent.Transfer(bobId, charlieId, ENDOWMENT.subtract(fee)),
            new RuntimeEvent.TransactionFeePaid(bobId, fee, BigInteger.ZERO),
            new RuntimeEvent.ExtrinsicSuccess(TRANSFER_INFO));
    assertThat(s.totalIssuance()).isEqualTo(issuance.subtract(fee));
  }

  @Test
  void reapingBurnsTheDust() {
    KeyPair bob = DevAccounts.bob();
    UncheckedExtrinsic probe =
        s.signed(bob, new RuntimeCall.TransferAllowDeath(to(charlieId), ENDOWMENT.shiftRight(1)));
    BigInteger afterFee = ENDOWMENT.subtract(Scenario.fee(probe));
    BigInteger dust = ED.divide(BigInteger.TWO);
    BigInteger value = afterFee.subtract(dust);
    UncheckedExtrinsic xt = s.signed(bob, new RuntimeCall.TransferAllowDeath(to(charlieId), value));
    assertThat(xt.length()).isEqualTo(probe.length());
    BigInteger issuance = s.totalIssuance();
    assertThat(s.block(xt).applyResults()).containsExactly(Bytes.fromHex("0000"));
    assertThat(s.eventsOf(1))
        .containsSubsequence(
            new RuntimeEvent.DustLost(bobId, dust),
            new RuntimeEvent.KilledAccount(bobId),
            new RuntimeEvent.Transfer(bobId, charlieId, value));
    assertThat(s.exists(bobId)).isFalse();
    assertThat(s.totalIssuance()).isEqualTo(issuance.subtract(Scenario.fee(xt)).subtract(dust));
  }

  @Test
  void transferAllWithKeepAliveLeavesExactlyTheExistentialDeposit() {
    assertThat(s.apply(alice, new RuntimeCall.TransferAll(to(bobId), true)))
        .isEqualTo(Bytes.fromHex("0000"));
    assertThat(s.free(aliceId)).isEqualTo(ED);
    assertThat(s.account(aliceId).nonce()).isEqualTo(1);
  }

  @Test
  void zeroValueAndSelfTransfersSucceedWithoutATransferEvent() {
    assertThat(s.apply(alice, new RuntimeCall.TransferAllowDeath(to(bobId), BigInteger.ZERO)))
        .isEqualTo(Bytes.fromHex("0000"));
    assertThat(s.eventsOf(1)).noneMatch(e -> e instanceof RuntimeEvent.Transfer);
    assertThat(s.apply(alice, new RuntimeCall.TransferKeepAlive(to(aliceId), UNIT)))
        .isEqualTo(Bytes.fromHex("0000"));
    assertThat(s.eventsOf(1)).noneMatch(e -> e instanceof RuntimeEvent.Transfer);
    assertThat(s.free(bobId)).isEqualTo(ENDOWMENT);
  }

  @Test
  void nonIdDestinationCannotBeLookedUp() {
    assertThat(
            s.apply(
                alice,
                new RuntimeCall.TransferAllowDeath(
                    new MultiAddress.Address32(bobId.bytes()), UNIT)))
        .isEqualTo(Bytes.fromHex("000101"));
    assertThat(s.apply(alice, new RuntimeCall.TransferAllowDeath(new MultiAddress.Index(), UNIT)))
        .isEqualTo(Bytes.fromHex("000101"));
  }

  @Test
  void forceTransferNeedsRoot() {
    RuntimeCall force = new RuntimeCall.ForceTransfer(to(bobId), to(charlieId), UNIT);
    assertThat(s.apply(alice, force)).isEqualTo(Bytes.fromHex("000102"));
    assertThat(s.apply(alice, new RuntimeCall.Sudo(force))).isEqualTo(Bytes.fromHex("0000"));
    assertThat(s.eventsOf(1))
        .contains(
            new RuntimeEvent.Transfer(bobId, charlieId, UNIT),
            new RuntimeEvent.Sudid(Optional.empty()));
    assertThat(s.free(bobId)).isEqualTo(ENDOWMENT.subtract(UNIT));
  }

  @Test
  void rootCannotUseSignedTransfers() {
    RuntimeCall transfer = new RuntimeCall.TransferKeepAlive(to(charlieId), UNIT);
    assertThat(s.apply(alice, new RuntimeCall.Sudo(transfer))).isEqualTo(Bytes.fromHex("0000"));
    assertThat(s.eventsOf(1))
        .contains(new RuntimeEvent.Sudid(Optional.of(DispatchError.badOrigin())));
    assertThat(s.free(charlieId)).isEqualTo(ENDOWMENT);
  }

  @Test
  void randomTransfersKeepTotalIssuanceEqualToTheSumOfBalances() {
    List<KeyPair> pairs = DevAccounts.NAMES.stream().map(DevAccounts::sr25519).toList();
    java.util.SplittableRandom random = new java.util.SplittableRandom(42);
    for (int block = 0; block < 6; block++) {
      List<UncheckedExtrinsic> batch = new java.util.ArrayList<>();
      java.util.Map<KeyPair, Long> nonces = new java.util.HashMap<>();
      for (int i = 0; i < 8; i++) {
        KeyPair from = pairs.get(random.nextInt(pairs.size()));
        KeyPair toPair = pairs.get(random.nextInt(pairs.size()));
        long nonce = nonces.computeIfAbsent(from, s::nonce);
        nonces.put(from, nonce + 1);
        BigInteger value =
            random.nextBoolean()
                ? BigInteger.valueOf(random.nextLong(1, 4_000_000_000L))
                : ENDOWMENT.shiftRight(random.nextInt(0, 4));
        RuntimeCall call =
            switch (random.nextInt(3)) {
              case 0 -> new RuntimeCall.TransferAllowDeath(to(DevAccounts.account(toPair)), value);
              case 1 -> new RuntimeCall.TransferKeepAlive(to(DevAccounts.account(toPair)), value);
              default ->
                  new RuntimeCall.TransferAll(
                      to(DevAccounts.account(toPair)), random.nextBoolean());
            };
        batch.add(s.xts.signed(from, call, nonce));
      }
      s.block(batch.toArray(UncheckedExtrinsic[]::new));
      BigInteger sum = BigInteger.ZERO;
      for (KeyPair p : pairs) {
        AccountId id = DevAccounts.account(p);
        if (s.exists(id)) {
          assertThat(s.free(id))
              .as("seed 42, block %s: %s keeps ED", block, id)
              .isGreaterThanOrEqualTo(ED);
        }
        sum = sum.add(s.free(id));
      }
      assertThat(s.totalIssuance())
          .as("seed 42, block %s: issuance = Σ free", block)
          .isEqualTo(sum);
    }
  }
}
