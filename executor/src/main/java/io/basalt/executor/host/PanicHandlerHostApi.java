/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import static io.basalt.executor.vm.WasmValueType.I64;

import io.basalt.executor.vm.WasmSignature;

/**
 * {@code ext_panic_handler_abort_on_panic_version_1}: the runtime reports its panic message; the
 * call traps with it.
 */
public final class PanicHandlerHostApi {
  private PanicHandlerHostApi() {}

  static void register(HostFunctionRegistry.Builder b) {
    b.register(
        "panic_handler",
        "abort_on_panic",
        1,
        WasmSignature.of(I64),
        (ctx, a) -> {
          throw abortOnPanicV1(ctx, ctx.memory().readUtf8Lossy(a[0]));
        });
  }

  static RuntimePanicException abortOnPanicV1(HostCallContext ctx, String message) {
    ctx.recordPanic(message);
    return new RuntimePanicException(message);
  }
}
