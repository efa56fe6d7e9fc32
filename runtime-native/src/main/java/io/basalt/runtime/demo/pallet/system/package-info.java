/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The System pallet of basalt-demo (runtime-spec §6.1, §7): accounts ({@code System.Account}),
 * events, the per-block bookkeeping that {@code initialize_block}/{@code finalize_block} do, the
 * digest, {@code LastRuntimeUpgrade} and the System calls ({@code set_code} and friends).
 *
 * <pre>{@code
 * SystemPallet system =
 *     new SystemPallet(storage, DemoRuntimeDescription.version(100), context.versionReader());
 * system.depositEvent(new RuntimeEvent.CodeUpdated()); // dropped while System.Number == 0
 * }</pre>
 */
package io.basalt.runtime.demo.pallet.system;
