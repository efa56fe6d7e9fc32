/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import static io.basalt.executor.vm.WasmValueType.I32;

import io.basalt.executor.vm.WasmSignature;

/** {@code ext_transaction_index_*} (storage chains): recorded in the overlay for the node. */
public final class TransactionIndexHostApi {
  private TransactionIndexHostApi() {}

  static void register(HostFunctionRegistry.Builder b) {
    b.register(
        "transaction_index",
        "index",
        1,
        WasmSignature.of(I32, I32, I32),
        (ctx, a) -> {
          ctx.externalities()
              .indexTransaction(
                  Integer.toUnsignedLong((int) a[0]),
                  ctx.memory().readFixed((int) a[2], 32),
                  Integer.toUnsignedLong((int) a[1]));
          return 0;
        });
    b.register(
        "transaction_index",
        "renew",
        1,
        WasmSignature.of(I32, I32),
        (ctx, a) -> {
          ctx.externalities()
              .renewTransactionIndex(
                  Integer.toUnsignedLong((int) a[0]), ctx.memory().readFixed((int) a[1], 32));
          return 0;
        });
  }
}
