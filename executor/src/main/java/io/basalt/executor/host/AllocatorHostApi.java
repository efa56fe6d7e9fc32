/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import static io.basalt.executor.vm.WasmValueType.I32;

import io.basalt.executor.vm.WasmSignature;

/**
 * {@code ext_allocator_*}: the runtime's heap, served by the {@link FreeingBumpAllocator}. Spec: <a
 * href="https://spec.polkadot.network/chap-host-api#sect-allocator-api">Allocator</a>.
 */
public final class AllocatorHostApi {
  private AllocatorHostApi() {}

  static void register(HostFunctionRegistry.Builder b) {
    b.register(
        "allocator",
        "malloc",
        1,
        WasmSignature.returning(I32, I32),
        (ctx, a) -> Integer.toUnsignedLong(mallocV1(ctx.memory(), (int) a[0])));
    b.register(
        "allocator",
        "free",
        1,
        WasmSignature.of(I32),
        (ctx, a) -> {
          freeV1(ctx.memory(), (int) a[0]);
          return 0;
        });
  }

  static int mallocV1(HostMemory memory, int size) {
    return memory.allocate(size);
  }

  static void freeV1(HostMemory memory, int ptr) {
    memory.allocator().deallocate(ptr);
  }
}
