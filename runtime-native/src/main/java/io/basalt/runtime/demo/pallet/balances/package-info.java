/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The Balances pallet of basalt-demo (runtime-spec §5.7, §6.3): transfers with FRAME's {@code
 * Token} errors, account creation ({@code NewAccount}, {@code Endowed}) and reaping ({@code
 * DustLost}, {@code KilledAccount}), and the total issuance.
 *
 * <pre>{@code
 * balances.transfer(alice, bob, DemoRuntimeDescription.UNIT, true); // throws DispatchException on failure
 * }</pre>
 */
package io.basalt.runtime.demo.pallet.balances;
