/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The facades the RPC methods call, implemented by the node over its chain, runtimes and pool
 * (Teku's DataProvider idea), so that the rpc module depends on primitives only and is tested with
 * fakes. One interface per method group ({@link io.basalt.rpc.api.SystemApi} for {@code system_*}),
 * with value records whose JSON shape is Substrate's ({@link io.basalt.rpc.api.Health}, {@link
 * io.basalt.rpc.api.SyncState}…). Facade methods may block; they run on the server's worker pool.
 */
package io.basalt.rpc.api;
