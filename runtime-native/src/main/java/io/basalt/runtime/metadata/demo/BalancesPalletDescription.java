/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata.demo;

import static io.basalt.runtime.metadata.Field.named;
import static io.basalt.runtime.metadata.Field.unnamed;
import static io.basalt.runtime.metadata.TypeCatalog.skipped;
import static io.basalt.runtime.metadata.VariantDef.variant;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.hash.StorageHasher;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.metadata.ConstantSpec;
import io.basalt.runtime.metadata.PalletSpec;
import io.basalt.runtime.metadata.StorageEntrySpec;
import io.basalt.runtime.metadata.TypeCatalog;
import io.basalt.runtime.metadata.TypeParam;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * {@code pallet_balances}: the native token; its account data, storage, calls, events, errors and
 * constants.
 */
public final class BalancesPalletDescription implements PalletDescription {
  /** The existential deposit: 10^9 planck (0.001 unit). */
  public static final BigInteger EXISTENTIAL_DEPOSIT = BigInteger.TEN.pow(9);

  BalancesPalletDescription() {}

  @Override
  public void defineTypes(TypeCatalog t) {
    accountData(t);
    calls(t);
    events(t);
    errors(t);
    lockAndReserveTypes(t);
  }

  @Override
  public PalletSpec pallet() {
    return new PalletSpec(
        "Balances",
        2,
        List.of(
            StorageEntrySpec.value(
                "TotalIssuance",
                "u128",
                Bytes.wrap(new byte[16]),
                "The total units issued in the system."),
            StorageEntrySpec.value(
                "InactiveIssuance",
                "u128",
                Bytes.wrap(new byte[16]),
                "The total units of outstanding deactivated balance (always zero)."),
            StorageEntrySpec.map(
                "Locks",
                StorageHasher.BLAKE2_128_CONCAT,
                "AccountId32",
                "WeakBoundedVec<BalanceLock>",
                Bytes.wrap(new byte[1]),
                "Any liquidity locks on some account balances (never written by basalt-demo)."),
            StorageEntrySpec.map(
                "Reserves",
                StorageHasher.BLAKE2_128_CONCAT,
                "AccountId32",
                "BoundedVec<ReserveData>",
                Bytes.wrap(new byte[1]),
                "Named reserves on some account balances (never written by basalt-demo).")),
        Optional.of("pallet_balances::Call"),
        Optional.of("pallet_balances::Event"),
        List.of(
            ConstantSpec.of(
                "ExistentialDeposit",
                "u128",
                new ScaleWriter().writeU128(EXISTENTIAL_DEPOSIT).toBytes(),
                "The minimum amount required to keep an account open."),
            ConstantSpec.of(
                "MaxLocks",
                "u32",
                new ScaleWriter().writeU32(50).toBytes(),
                "The maximum number of locks per account."),
            ConstantSpec.of(
                "MaxReserves",
                "u32",
                new ScaleWriter().writeU32(50).toBytes(),
                "The maximum number of named reserves per account."),
            ConstantSpec.of(
                "MaxFreezes",
                "u32",
                new ScaleWriter().writeU32(0).toBytes(),
                "The maximum number of individual freeze locks per account.")),
        Optional.of("pallet_balances::Error"),
        List.of("The native token."));
  }

  /** The {@code AccountData} that {@code System.Account} holds for this pallet. */
  private static void accountData(TypeCatalog t) {
    t.composite("ExtraFlags", "pallet_balances::types::ExtraFlags", unnamed("u128", "u128"));
    t.composite(
        "AccountData",
        "pallet_balances::types::AccountData",
        List.of(TypeParam.of("Balance", "u128")),
        named("free", "u128", "Balance"),
        named("reserved", "u128", "Balance"),
        named("frozen", "u128", "Balance"),
        named("flags", "ExtraFlags", "ExtraFlags"));
  }

  private static void calls(TypeCatalog t) {
    t.variant(
        "pallet_balances::Call",
        "pallet_balances::pallet::Call",
        skipped("T", "I"),
        variant(
            0,
            "transfer_allow_death",
            "Transfer some liquid free balance to another account.",
            named("dest", "MultiAddress", "AccountIdLookupOf<T>"),
            named("value", "Compact<u128>", "T::Balance")),
        variant(
            2,
            "force_transfer",
            "Exactly as `transfer_allow_death`, except the origin must be root and the source account may be specified.",
            named("source", "MultiAddress", "AccountIdLookupOf<T>"),
            named("dest", "MultiAddress", "AccountIdLookupOf<T>"),
            named("value", "Compact<u128>", "T::Balance")),
        variant(
            3,
            "transfer_keep_alive",
            "Same as `transfer_allow_death`, but the sender may not be killed.",
            named("dest", "MultiAddress", "AccountIdLookupOf<T>"),
            named("value", "Compact<u128>", "T::Balance")),
        variant(
            4,
            "transfer_all",
            "Transfer the entire transferable balance from the caller account.",
            named("dest", "MultiAddress", "AccountIdLookupOf<T>"),
            named("keep_alive", "bool", "bool")));
  }

  private static void events(TypeCatalog t) {
    t.variant(
        "pallet_balances::Event",
        "pallet_balances::pallet::Event",
        skipped("T", "I"),
        variant(
            0,
            "Endowed",
            "An account was created with some free balance.",
            named("account", "AccountId32", "T::AccountId"),
            named("free_balance", "u128", "T::Balance")),
        variant(
            1,
            "DustLost",
            "An account was removed whose balance was non-zero but below ExistentialDeposit, resulting in an outright loss.",
            named("account", "AccountId32", "T::AccountId"),
            named("amount", "u128", "T::Balance")),
        variant(
            2,
            "Transfer",
            "Transfer succeeded.",
            named("from", "AccountId32", "T::AccountId"),
            named("to", "AccountId32", "T::AccountId"),
            named("amount", "u128", "T::Balance")),
        variant(
            8,
            "Withdraw",
            "Some amount was withdrawn from the account (e.g. for transaction fees).",
            named("who", "AccountId32", "T::AccountId"),
            named("amount", "u128", "T::Balance")));
  }

  private static void errors(TypeCatalog t) {
    t.simpleEnum(
        "pallet_balances::Error",
        "pallet_balances::pallet::Error",
        "VestingBalance",
        "LiquidityRestrictions",
        "InsufficientBalance",
        "ExistentialDeposit",
        "Expendability",
        "ExistingVestingSchedule",
        "DeadAccount",
        "TooManyReserves",
        "TooManyHolds",
        "TooManyFreezes",
        "IssuanceDeactivated",
        "DeltaZero");
  }

  /**
   * The value types of the {@code Locks} and {@code Reserves} maps (never written by basalt-demo).
   */
  private static void lockAndReserveTypes(TypeCatalog t) {
    t.simpleEnum("Reasons", "pallet_balances::types::Reasons", "Fee", "Misc", "All");
    t.composite(
        "BalanceLock",
        "pallet_balances::types::BalanceLock",
        List.of(TypeParam.of("Balance", "u128")),
        named("id", "[u8; 8]", "LockIdentifier"),
        named("amount", "u128", "Balance"),
        named("reasons", "Reasons", "Reasons"));
    t.sequence("Vec<BalanceLock>", "BalanceLock");
    t.composite(
        "WeakBoundedVec<BalanceLock>",
        "bounded_collections::weak_bounded_vec::WeakBoundedVec",
        List.of(TypeParam.of("T", "BalanceLock"), TypeParam.skipped("S")),
        unnamed("Vec<BalanceLock>", "Vec<T>"));
    t.composite(
        "ReserveData",
        "pallet_balances::types::ReserveData",
        List.of(TypeParam.of("ReserveIdentifier", "[u8; 8]"), TypeParam.of("Balance", "u128")),
        named("id", "[u8; 8]", "ReserveIdentifier"),
        named("amount", "u128", "Balance"));
    t.sequence("Vec<ReserveData>", "ReserveData");
    t.composite(
        "BoundedVec<ReserveData>",
        "bounded_collections::bounded_vec::BoundedVec",
        List.of(TypeParam.of("T", "ReserveData"), TypeParam.skipped("S")),
        unnamed("Vec<ReserveData>", "Vec<T>"));
  }
}
