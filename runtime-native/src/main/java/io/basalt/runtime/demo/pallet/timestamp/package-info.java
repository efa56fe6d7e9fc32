/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The Timestamp pallet of basalt-demo (runtime-spec §6.2): {@code Timestamp.set} is the only
 * inherent; {@code Now} must grow by at least {@code MinimumPeriod} (1 ms) per block.
 *
 * <pre>{@code
 * timestamp.set(Origin.none(), 1_700_000_000_000L);
 * timestamp.onFinalize(); // panics if set was not called in this block
 * }</pre>
 */
package io.basalt.runtime.demo.pallet.timestamp;
