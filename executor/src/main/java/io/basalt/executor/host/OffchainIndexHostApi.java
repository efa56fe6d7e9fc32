/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import static io.basalt.executor.vm.WasmValueType.I64;

import io.basalt.executor.vm.WasmSignature;

/**
 * {@code ext_offchain_index_*}: writes to the offchain database made during block import, buffered
 * in the overlay (transactional) and persisted by the node only when the block is committed and
 * {@code --enable-offchain-indexing} is on.
 */
public final class OffchainIndexHostApi {
  private OffchainIndexHostApi() {}

  static void register(HostFunctionRegistry.Builder b) {
    b.register(
        "offchain_index",
        "set",
        1,
        WasmSignature.of(I64, I64),
        (ctx, a) -> {
          ctx.externalities()
              .offchainIndexSet(ctx.memory().readBytes(a[0]), ctx.memory().readBytes(a[1]));
          return 0;
        });
    b.register(
        "offchain_index",
        "clear",
        1,
        WasmSignature.of(I64),
        (ctx, a) -> {
          ctx.externalities().offchainIndexClear(ctx.memory().readBytes(a[0]));
          return 0;
        });
  }
}
