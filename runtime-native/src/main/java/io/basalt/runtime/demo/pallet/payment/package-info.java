/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The TransactionPayment pallet of basalt-demo (runtime-spec §5.6, §6.4): a fee of {@code
 * 100_000_000 + len × 1_000_000 + call ref_time + tip} planck, burned when the extrinsic is
 * applied.
 *
 * <pre>{@code
 * TransactionPaymentPallet.inclusionFee(Weight.ofRefTime(100_000_000), 145).total(); // 345_000_000
 * }</pre>
 */
package io.basalt.runtime.demo.pallet.payment;
