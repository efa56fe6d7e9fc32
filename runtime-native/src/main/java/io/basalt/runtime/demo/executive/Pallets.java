/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.executive;

import io.basalt.executor.api.RuntimeVersionReader;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.runtime.demo.pallet.balances.BalancesPallet;
import io.basalt.runtime.demo.pallet.payment.TransactionPaymentPallet;
import io.basalt.runtime.demo.pallet.sudo.SudoPallet;
import io.basalt.runtime.demo.pallet.system.SystemPallet;
import io.basalt.runtime.demo.pallet.template.TemplatePallet;
import io.basalt.runtime.demo.pallet.timestamp.TimestampPallet;
import io.basalt.runtime.demo.storage.RuntimeStorage;

/**
 * The pallets of one runtime call, all over the same storage (FRAME's {@code construct_runtime!}).
 * Created per call: the native runtime keeps no state between calls.
 *
 * @param storage the call's state
 * @param system System (0)
 * @param timestamp Timestamp (1)
 * @param balances Balances (2)
 * @param payment TransactionPayment (3)
 * @param sudo Sudo (4)
 * @param template Template (5)
 */
public record Pallets(
    RuntimeStorage storage,
    SystemPallet system,
    TimestampPallet timestamp,
    BalancesPallet balances,
    TransactionPaymentPallet payment,
    SudoPallet sudo,
    TemplatePallet template) {

  /**
   * The pallets of a runtime {@code version} over {@code storage}.
   *
   * @param versionReader {@code ext_misc_runtime_version}'s reader (the call's {@code
   *     RuntimeContext})
   */
  public static Pallets over(
      RuntimeStorage storage, RuntimeVersion version, RuntimeVersionReader versionReader) {
    SystemPallet system = new SystemPallet(storage, version, versionReader);
    BalancesPallet balances = new BalancesPallet(storage, system);
    return new Pallets(
        storage,
        system,
        new TimestampPallet(storage),
        balances,
        new TransactionPaymentPallet(system, balances),
        new SudoPallet(storage, system),
        new TemplatePallet(storage, system, version.specVersion()));
  }
}
