/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The {@code transaction_v1_*} and {@code transactionWatch_v1_*} groups of the new JSON-RPC spec
 * (https://paritytech.github.io/json-rpc-interface-spec/api/transaction.html) over {@link
 * io.basalt.rpc.api.TransactionApi}: {@link io.basalt.rpc.method.transaction.TransactionMethods}.
 */
package io.basalt.rpc.method.transaction;
