/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.pallet.payment;

import io.basalt.runtime.demo.account.AccountId;
import io.basalt.runtime.demo.dispatch.Weight;
import io.basalt.runtime.demo.event.RuntimeEvent;
import io.basalt.runtime.demo.extrinsic.InvalidTransaction;
import io.basalt.runtime.demo.extrinsic.TransactionValidityException;
import io.basalt.runtime.demo.pallet.balances.BalancesPallet;
import io.basalt.runtime.demo.pallet.system.SystemPallet;
import io.basalt.runtime.metadata.demo.SystemPalletDescription;
import io.basalt.runtime.metadata.demo.TransactionPaymentPalletDescription;
import java.math.BigInteger;

/**
 * The TransactionPayment pallet (index 3, runtime-spec §5.6, §6.4): fees are {@code base + length +
 * weight + tip}, burned, with no refunds.
 */
public final class TransactionPaymentPallet {
  public static final int INDEX = 3;

  /** {@code weight_to_fee(base_extrinsic)}. */
  public static final BigInteger BASE_FEE =
      BigInteger.valueOf(SystemPalletDescription.BASE_EXTRINSIC_REF_TIME);

  /** Planck per encoded byte. */
  public static final BigInteger BYTE_FEE =
      TransactionPaymentPalletDescription.TRANSACTION_BYTE_FEE;

  private final SystemPallet system;
  private final BalancesPallet balances;

  public TransactionPaymentPallet(SystemPallet system, BalancesPallet balances) {
    this.system = system;
    this.balances = balances;
  }

  /**
   * The three parts of an inclusion fee.
   *
   * @param baseFee {@code weight_to_fee(base_extrinsic)}
   * @param lengthFee {@code length_to_fee(len)}
   * @param weightFee {@code weight_to_fee(call_weight)}
   */
  public record InclusionFee(BigInteger baseFee, BigInteger lengthFee, BigInteger weightFee) {
    public BigInteger total() {
      return baseFee.add(lengthFee).add(weightFee);
    }
  }

  /** {@code weight_to_fee(w) = w.ref_time} (unsigned). */
  public static BigInteger weightToFee(Weight weight) {
    return new BigInteger(Long.toUnsignedString(weight.refTime()));
  }

  /** {@code length_to_fee(len) = len × 1_000_000}. */
  public static BigInteger lengthToFee(long length) {
    return BigInteger.valueOf(length).multiply(BYTE_FEE);
  }

  /** The inclusion fee of an extrinsic of {@code length} bytes whose call weighs {@code w}. */
  public static InclusionFee inclusionFee(Weight callWeight, long length) {
    return new InclusionFee(BASE_FEE, lengthToFee(length), weightToFee(callWeight));
  }

  /**
   * The total fee ({@code inclusion + tip}) if {@code who} can pay it and keep ED.
   *
   * @throws TransactionValidityException {@code Invalid(Payment)} otherwise, or on u128 overflow
   */
  public BigInteger checkPayable(AccountId who, Weight callWeight, long length, BigInteger tip) {
    BigInteger total = inclusionFee(callWeight, length).total().add(tip);
    if (total.compareTo(BalancesPallet.U128_MAX) > 0) {
      throw TransactionValidityException.invalid(InvalidTransaction.PAYMENT);
    }
    BigInteger free = balances.free(who);
    if (free.compareTo(total) < 0
        || free.subtract(total).compareTo(BalancesPallet.EXISTENTIAL_DEPOSIT) < 0) {
      throw TransactionValidityException.invalid(InvalidTransaction.PAYMENT);
    }
    return total;
  }

  /**
   * ChargeTransactionPayment's pre-dispatch: checks, burns the fee, emits {@code Withdraw}.
   *
   * @return the fee charged
   * @throws TransactionValidityException {@code Invalid(Payment)} if it cannot be paid
   */
  public BigInteger withdrawFee(AccountId who, Weight callWeight, long length, BigInteger tip) {
    BigInteger total = checkPayable(who, callWeight, length, tip);
    balances.burnFrom(who, total);
    system.depositEvent(new RuntimeEvent.Withdraw(who, total));
    return total;
  }

  /** ChargeTransactionPayment's post-dispatch: {@code TransactionFeePaid}. */
  public void feePaid(AccountId who, BigInteger actualFee, BigInteger tip) {
    system.depositEvent(new RuntimeEvent.TransactionFeePaid(who, actualFee, tip));
  }
}
