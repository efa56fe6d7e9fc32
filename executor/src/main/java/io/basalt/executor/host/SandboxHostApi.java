/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import static io.basalt.executor.vm.WasmValueType.I32;
import static io.basalt.executor.vm.WasmValueType.I64;

import io.basalt.executor.vm.WasmSignature;

/**
 * {@code ext_sandbox_*}: Substrate's Wasm-in-Wasm sandbox (old contracts pallet), imported by some
 * 2020-2022 dev runtimes but never enabled on Polkadot nodes. Registered so such runtimes
 * instantiate; every call traps.
 */
public final class SandboxHostApi {
  private static final String NOTE = "sandboxing is not supported (never enabled on Polkadot)";

  private SandboxHostApi() {}

  private static void stub(HostFunctionRegistry.Builder b, String name, WasmSignature sig) {
    String full = "ext_sandbox_" + name + "_version_1";
    b.register(
        "sandbox",
        name,
        1,
        sig,
        HostFunctionRegistry.Status.TRAPS,
        NOTE,
        (ctx, a) -> {
          throw new HostFunctionException(full + " is not supported: " + NOTE);
        });
  }

  static void register(HostFunctionRegistry.Builder b) {
    stub(b, "instantiate", WasmSignature.returning(I32, I32, I64, I64, I32));
    stub(b, "invoke", WasmSignature.returning(I32, I32, I64, I64, I32, I32, I32));
    stub(b, "memory_new", WasmSignature.returning(I32, I32, I32));
    stub(b, "memory_get", WasmSignature.returning(I32, I32, I32, I32, I32));
    stub(b, "memory_set", WasmSignature.returning(I32, I32, I32, I32, I32));
    stub(b, "memory_teardown", WasmSignature.of(I32));
    stub(b, "instance_teardown", WasmSignature.of(I32));
    stub(b, "get_global_val", WasmSignature.returning(I64, I32, I64));
  }
}
