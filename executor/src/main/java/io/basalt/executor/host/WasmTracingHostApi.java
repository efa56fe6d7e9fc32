/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import static io.basalt.executor.vm.WasmValueType.I32;
import static io.basalt.executor.vm.WasmValueType.I64;

import io.basalt.executor.vm.WasmSignature;

/**
 * {@code ext_wasm_tracing_*} (runtimes built {@code with-tracing}): this node records no runtime
 * spans, so {@code enabled} answers false and the rest accept and drop their input.
 */
public final class WasmTracingHostApi {
  private WasmTracingHostApi() {}

  static void register(HostFunctionRegistry.Builder b) {
    b.register(
        "wasm_tracing",
        "enabled",
        1,
        WasmSignature.returning(I32, I64),
        (ctx, a) -> {
          ctx.memory().read(a[0]);
          return 0;
        });
    b.register(
        "wasm_tracing",
        "enter_span",
        1,
        WasmSignature.returning(I64, I64),
        (ctx, a) -> {
          ctx.memory().read(a[0]);
          return 0;
        });
    b.register(
        "wasm_tracing",
        "event",
        1,
        WasmSignature.of(I64),
        (ctx, a) -> {
          ctx.memory().read(a[0]);
          return 0;
        });
    b.register("wasm_tracing", "exit", 1, WasmSignature.of(I64), (ctx, a) -> 0);
  }
}
