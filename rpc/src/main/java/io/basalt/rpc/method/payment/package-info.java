/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The {@code payment_*} group (pallet-transaction-payment-rpc) over {@link
 * io.basalt.rpc.api.StateApi}: {@link io.basalt.rpc.method.payment.PaymentMethods} calls the
 * runtime's {@code TransactionPaymentApi} and writes Substrate's JSON shapes.
 */
package io.basalt.rpc.method.payment;
