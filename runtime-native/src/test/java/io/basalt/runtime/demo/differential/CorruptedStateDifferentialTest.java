/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.runtime.demo.account.AccountId;
import io.basalt.runtime.demo.account.AccountInfo;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.BuiltBlock;
import io.basalt.runtime.demo.chain.DemoChain;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import io.basalt.runtime.demo.pallet.balances.BalancesPallet;
import io.basalt.runtime.demo.pallet.sudo.SudoPallet;
import io.basalt.runtime.demo.pallet.system.SystemPallet;
import io.basalt.runtime.demo.pallet.template.TemplatePallet;
import io.basalt.runtime.demo.pallet.timestamp.TimestampPallet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * State that only root can produce ({@code sudo(set_storage)}/{@code sudo(kill_storage)} of the
 * runtime's own items with wrong, extreme or undecodable values): both implementations must go on
 * alike, call by call, in the rest of that block and in the next one (transfers, reaping with and
 * without dust, fees, sudo, events), or fail block building alike. The Java runtime may only ever
 * fail with the documented panic type.
 */
class CorruptedStateDifferentialTest {
  private static final BigInteger UNIT = BlockGenerator.UNIT;
  private static final BigInteger U128_MAX = BalancesPallet.U128_MAX;

  private record Corruption(String name, RuntimeCall rootCall) {
    static Corruption set(String name, Bytes key, Bytes value) {
      return new Corruption(
          name, new RuntimeCall.SetStorage(List.of(new RuntimeCall.KeyValue(key, value))));
    }

    static Corruption kill(String name, Bytes key) {
      return new Corruption(name, new RuntimeCall.KillStorage(List.of(key)));
    }
  }

  private static Bytes u128(BigInteger v) {
    return new ScaleWriter().writeU128(v).toBytes();
  }

  private static Bytes u32(long v) {
    return new ScaleWriter().writeU32(v).toBytes();
  }

  private static Bytes account(long nonce, long providers, BigInteger free) {
    return new AccountInfo(
            nonce,
            0,
            providers,
            0,
            free,
            BigInteger.ZERO,
            BigInteger.ZERO,
            AccountInfo.NEW_LOGIC_FLAG)
        .encode();
  }

  private static List<Corruption> corruptions() {
    Bytes alice = SystemPallet.accountKey(DevAccounts.aliceId());
    Bytes bob = SystemPallet.accountKey(DevAccounts.bobId());
    Bytes ff = Bytes.fromHex("ff");
    return List.of(
        Corruption.set("TotalIssuance = 0", BalancesPallet.TOTAL_ISSUANCE, u128(BigInteger.ZERO)),
        Corruption.kill("TotalIssuance killed", BalancesPallet.TOTAL_ISSUANCE),
        Corruption.set(
            "TotalIssuance = 1 byte", BalancesPallet.TOTAL_ISSUANCE, Bytes.fromHex("01")),
        Corruption.set("TotalIssuance = u128::MAX", BalancesPallet.TOTAL_ISSUANCE, u128(U128_MAX)),
        Corruption.set("Alice free = u128::MAX", alice, account(1, 1, U128_MAX)),
        Corruption.set("Alice nonce = u32::MAX", alice, account(0xffff_ffffL, 1, UNIT)),
        Corruption.set("Alice without providers", alice, account(1, 0, UNIT)),
        Corruption.set("Alice account truncated", alice, account(1, 1, UNIT).slice(0, 79)),
        Corruption.set("Bob free below ED", bob, account(0, 1, BigInteger.ONE)),
        Corruption.set("Bob free = 0", bob, account(0, 1, BigInteger.ZERO)),
        Corruption.set("Number = u32::MAX", SystemPallet.NUMBER, u32(0xffff_ffffL)),
        Corruption.set("Number garbage", SystemPallet.NUMBER, ff),
        Corruption.set("ParentHash garbage", SystemPallet.PARENT_HASH, ff),
        Corruption.set("genesis hash garbage", SystemPallet.blockHashKey(0), ff),
        Corruption.set("EventCount = u32::MAX", SystemPallet.EVENT_COUNT, u32(0xffff_ffffL)),
        Corruption.set("Events garbage", SystemPallet.EVENTS, ff),
        Corruption.set("BlockWeight garbage", SystemPallet.BLOCK_WEIGHT, ff),
        Corruption.set(
            "BlockWeight normal = u64::MAX",
            SystemPallet.BLOCK_WEIGHT,
            Bytes.fromHex("13ffffffffffffffff13ffffffffffffffff00000000")),
        Corruption.set(
            "AllExtrinsicsLen = u32::MAX",
            SystemPallet.ALL_EXTRINSICS_LEN,
            ff.concat(Bytes.fromHex("ffffff"))),
        Corruption.set(
            "Timestamp.Now = u64::MAX", TimestampPallet.NOW, Bytes.fromHex("ffffffffffffffff")),
        Corruption.set("Timestamp.Now garbage", TimestampPallet.NOW, ff),
        Corruption.kill("Timestamp.DidUpdate killed", TimestampPallet.DID_UPDATE),
        Corruption.set("Sudo.Key garbage", SudoPallet.KEY, ff),
        Corruption.set("LastRuntimeUpgrade garbage", SystemPallet.LAST_RUNTIME_UPGRADE, ff),
        Corruption.set("ExecutionPhase garbage", SystemPallet.EXECUTION_PHASE, ff),
        Corruption.set("Digest garbage", SystemPallet.DIGEST, ff),
        Corruption.set(":extrinsic_index garbage", WellKnownKeys.EXTRINSIC_INDEX, ff),
        Corruption.set("ExtrinsicData[0] garbage", SystemPallet.extrinsicDataKey(0), ff),
        Corruption.kill(":intrablock_entropy killed", WellKnownKeys.INTRABLOCK_ENTROPY),
        Corruption.set("Template.Value garbage", TemplatePallet.VALUE, ff),
        Corruption.set(
            "Template storage version garbage",
            TemplatePallet.STORAGE_VERSION,
            Bytes.fromHex("ffff")));
  }

  private static long nonce(DemoChain chain, AccountId who) {
    return chain
        .storage(SystemPallet.accountKey(who))
        .map(b -> AccountInfo.decode(new ScaleReader(b)).nonce())
        .orElse(0L);
  }

  private static UncheckedExtrinsic signed(
      DemoChain chain, ExtrinsicFactory xts, KeyPair signer, RuntimeCall call) {
    return xts.signed(signer, call, nonce(chain, DevAccounts.account(signer)));
  }

  /** Transfers (keep-alive, reaping without and with dust), a remark by sudo, a Template value. */
  private static List<UncheckedExtrinsic> traffic(DemoChain chain, ExtrinsicFactory xts) {
    KeyPair bob = DevAccounts.bob();
    KeyPair charlie = DevAccounts.sr25519("Charlie");
    KeyPair dave = DevAccounts.sr25519("Dave");
    MultiAddress alice = MultiAddress.id(DevAccounts.aliceId());
    MultiAddress fresh = MultiAddress.id(DevAccounts.account(DevAccounts.sr25519("Fresh")));
    List<UncheckedExtrinsic> out = new ArrayList<>();
    out.add(signed(chain, xts, bob, new RuntimeCall.TransferKeepAlive(alice, UNIT)));
    out.add(signed(chain, xts, charlie, new RuntimeCall.TransferAll(fresh, false)));
    // Leaves Dave 10^9 minus the fee: reaped with dust.
    BigInteger endowment = BigInteger.ONE.shiftLeft(60);
    out.add(
        signed(
            chain,
            xts,
            dave,
            new RuntimeCall.TransferAllowDeath(
                fresh, endowment.subtract(BalancesPallet.EXISTENTIAL_DEPOSIT))));
    out.add(
        signed(
            chain,
            xts,
            DevAccounts.alice(),
            new RuntimeCall.Sudo(new RuntimeCall.Remark(Bytes.fromHex("00")))));
    out.add(signed(chain, xts, DevAccounts.sr25519("Ferdie"), new RuntimeCall.SetValue(5)));
    return out;
  }

  private static void queries(LockstepChains chains, List<UncheckedExtrinsic> xts) {
    for (UncheckedExtrinsic xt : xts) {
      chains.transactionQueries(xt);
    }
    for (String name : DevAccounts.NAMES) {
      chains.call(
          "AccountNonceApi_account_nonce",
          DevAccounts.account(DevAccounts.sr25519(name)).bytes().toArray());
    }
  }

  @Test
  void rootCorruptedStateIsHandledAlike() {
    int built = 0;
    for (Corruption corruption : corruptions()) {
      LockstepChains chains =
          LockstepChains.nativeVsWasm(WasmExecutionMethod.COMPILED, corruption.name());
      DemoChain chain = chains.first();
      ExtrinsicFactory xts = new ExtrinsicFactory(100, chain.genesisHash());
      long time = 1_700_000_000_000L;
      List<UncheckedExtrinsic> first = new ArrayList<>();
      first.add(xts.signed(DevAccounts.alice(), new RuntimeCall.Sudo(corruption.rootCall()), 0));
      List<UncheckedExtrinsic> rest = traffic(chain, xts);
      first.addAll(rest.subList(0, 2));
      Optional<BuiltBlock> block1 = chains.blockIfBuildable(first, time += 6000);
      if (block1.isEmpty()) {
        continue;
      }
      built++;
      assertThat(block1.get().applyResults().get(0))
          .as("%s: the corrupting sudo is applied", corruption.name())
          .isEqualTo(Bytes.fromHex("0000"));
      List<UncheckedExtrinsic> second = traffic(chain, xts);
      queries(chains, second);
      if (chains.blockIfBuildable(second, time += 6000).isPresent()) {
        queries(chains, traffic(chain, xts));
      }
    }
    assertThat(built).as("corruptions whose block could be built").isGreaterThan(20);
  }

  @Test
  void feesSaturateTotalIssuanceAtZero() {
    for (Corruption corruption :
        List.of(
            Corruption.set(
                "TotalIssuance = 0", BalancesPallet.TOTAL_ISSUANCE, u128(BigInteger.ZERO)),
            Corruption.kill("TotalIssuance killed", BalancesPallet.TOTAL_ISSUANCE))) {
      LockstepChains chains =
          LockstepChains.nativeVsWasm(WasmExecutionMethod.COMPILED, corruption.name());
      DemoChain chain = chains.first();
      ExtrinsicFactory xts = new ExtrinsicFactory(100, chain.genesisHash());
      chains.block(
          List.of(xts.signed(DevAccounts.alice(), new RuntimeCall.Sudo(corruption.rootCall()), 0)),
          1_700_000_006_000L);
      // The fee of the sudo itself was burned before its call zeroed the issuance.
      assertThat(chain.storage(BalancesPallet.TOTAL_ISSUANCE))
          .as(corruption.name())
          .isEqualTo(
              corruption.rootCall() instanceof RuntimeCall.KillStorage
                  ? Optional.empty()
                  : Optional.of(u128(BigInteger.ZERO)));
      List<UncheckedExtrinsic> next = traffic(chain, xts);
      BuiltBlock block = chains.block(next, 1_700_000_012_000L);
      assertThat(block.applyResults())
          .as(corruption.name())
          .allMatch(Bytes.fromHex("0000")::equals);
      assertThat(chain.storage(BalancesPallet.TOTAL_ISSUANCE))
          .as(corruption.name())
          .contains(u128(BigInteger.ZERO));
    }
  }
}
