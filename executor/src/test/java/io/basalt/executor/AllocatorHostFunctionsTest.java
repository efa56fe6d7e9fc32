/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import static io.basalt.executor.WatProbes.EXECUTOR;
import static io.basalt.executor.WatProbes.ext;
import static io.basalt.executor.WatProbes.module;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.TestBackends;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.WellKnownKeys;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ext_allocator_*}: the heap the allocator hands out is bounded by {@code :heappages}. */
class AllocatorHostFunctionsTest {
  @Test
  void heapPagesBoundTheAllocator() {
    // Asks the host for 3 MiB; 16 extra pages (1 MiB) are not enough, the default 2048 are.
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_allocator_malloc_version_1" (func $malloc (param i32) (result i32)))
            (memory (export "memory") 1)
            (func (export "Test_alloc") (param i32 i32) (result i64)
              (drop (call $malloc (i32.const 3145728)))
              (i64.const 0))
            """);
    OverlayedExternalities small =
        new OverlayedExternalities(
            new OverlayedChanges(),
            TestBackends.of(Map.of(WellKnownKeys.HEAP_PAGES, Bytes.fromHex("0x1000000000000000"))));
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Test_alloc", new byte[0], small))
        .isInstanceOf(RuntimeTrapException.class)
        .hasMessageContaining("allocator: out of space");
    assertThat(EXECUTOR.call(blob, "Test_alloc", new byte[0], ext())).isEmpty();
  }
}
