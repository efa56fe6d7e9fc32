/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The {@code offchain_*} group over {@link io.basalt.rpc.api.OffchainApi}: {@link
 * io.basalt.rpc.method.offchain.OffchainMethods}.
 */
package io.basalt.rpc.method.offchain;
