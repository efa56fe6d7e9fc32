/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata.demo;

import static io.basalt.runtime.metadata.Field.named;
import static io.basalt.runtime.metadata.Field.unnamed;
import static io.basalt.runtime.metadata.TypeCatalog.skipped;
import static io.basalt.runtime.metadata.VariantDef.variant;

import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.metadata.ConstantSpec;
import io.basalt.runtime.metadata.PalletSpec;
import io.basalt.runtime.metadata.TypeCatalog;
import io.basalt.runtime.metadata.TypeParam;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * {@code pallet_transaction_payment}: transaction fees; its event, constant, signed extension and
 * the fee types its runtime API returns.
 */
public final class TransactionPaymentPalletDescription implements PalletDescription {
  /** Fee per byte of the encoded extrinsic, in planck. */
  public static final BigInteger TRANSACTION_BYTE_FEE = BigInteger.TEN.pow(6);

  TransactionPaymentPalletDescription() {}

  @Override
  public void defineTypes(TypeCatalog t) {
    t.variant(
        "pallet_transaction_payment::Event",
        "pallet_transaction_payment::pallet::Event",
        skipped("T"),
        variant(
            0,
            "TransactionFeePaid",
            "A transaction fee `actual_fee`, of which `tip` was added to the minimum inclusion fee, has been paid by `who`.",
            named("who", "AccountId32", "T::AccountId"),
            named("actual_fee", "u128", "BalanceOf<T>"),
            named("tip", "u128", "BalanceOf<T>")));
    t.composite(
        "ChargeTransactionPayment",
        "pallet_transaction_payment::ChargeTransactionPayment",
        skipped("T"),
        unnamed("Compact<u128>", "BalanceOf<T>"));
    feeTypes(t);
  }

  /**
   * What {@code TransactionPaymentApi}'s {@code query_info} and {@code query_fee_details} return.
   */
  private static void feeTypes(TypeCatalog t) {
    t.composite(
        "RuntimeDispatchInfo",
        "pallet_transaction_payment::types::RuntimeDispatchInfo",
        List.of(TypeParam.of("Balance", "u128"), TypeParam.of("Weight", "Weight")),
        named("weight", "Weight", "Weight"),
        named("class", "DispatchClass", "DispatchClass"),
        named("partial_fee", "u128", "Balance"));
    t.composite(
        "InclusionFee",
        "pallet_transaction_payment::types::InclusionFee",
        List.of(TypeParam.of("Balance", "u128")),
        named("base_fee", "u128", "Balance"),
        named("len_fee", "u128", "Balance"),
        named("adjusted_weight_fee", "u128", "Balance"));
    t.option("Option<InclusionFee>", "InclusionFee");
    t.composite(
        "FeeDetails",
        "pallet_transaction_payment::types::FeeDetails",
        List.of(TypeParam.of("Balance", "u128")),
        named("inclusion_fee", "Option<InclusionFee>", "Option<InclusionFee<Balance>>"),
        named("tip", "u128", "Balance"));
  }

  @Override
  public PalletSpec pallet() {
    return new PalletSpec(
        "TransactionPayment",
        3,
        List.of(),
        Optional.empty(),
        Optional.of("pallet_transaction_payment::Event"),
        List.of(
            ConstantSpec.of(
                "OperationalFeeMultiplier",
                "u8",
                new ScaleWriter().writeU8(5).toBytes(),
                "Informational only: basalt-demo does not use it for priority.")),
        Optional.empty(),
        List.of("Transaction fees: base + length + weight + tip, burned."));
  }
}
