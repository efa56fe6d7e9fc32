/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.wabt.Wat2Wasm;
import io.basalt.executor.host.HostFunctionRegistry;
import io.basalt.executor.vm.CompiledRuntime;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.WasmExecutionMethod;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Memory is sized as Substrate's static heap (declared pages + heap pages) but allocated only as
 * far as it is used, for imported and exported memories alike.
 */
class OnDemandMemoryTest {
  private static final String BODY =
      """
        (data (i32.const 16) "data")
        (global (export "__heap_base") i32 (i32.const 1024))
        (func (export "Test_touch") (param $address i32) (param $l i32) (result i64)
          (i32.store (local.get $address) (i32.const 7))
          (i64.extend_i32_u (i32.load (local.get $address))))
      )
      """;

  private static ChicoryInstance instantiate(String memory, WasmExecutionMethod method) {
    RuntimeBlob blob = RuntimeBlob.parse(Wat2Wasm.parse("(module " + memory + BODY));
    CompiledRuntime runtime =
        new ChicoryWasmEngine(method, Optional.empty())
            .compile(blob, HostFunctionRegistry.standard());
    return (ChicoryInstance)
        runtime.instantiate(
            2048,
            (i, a) -> {
              throw new AssertionError("no host calls expected");
            },
            false);
  }

  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void pagesAreAllocatedWhenTouchedNotAtInstantiation(WasmExecutionMethod method) {
    for (String memory :
        new String[] {"(memory (export \"memory\") 3)", "(import \"env\" \"memory\" (memory 3))"}) {
      ChicoryInstance instance = instantiate(memory, method);
      assertThat(instance.memory().pages()).as(memory).isEqualTo(3 + 2048);
      assertThat(instance.backedPages()).as(memory).isEqualTo(3);
      assertThat(instance.memory().read(16, 4)).containsExactly('d', 'a', 't', 'a');

      int address = 10 * 65536 + 12;
      assertThat(instance.callExport("Test_touch", address, 0)).isEqualTo(7);
      assertThat(instance.backedPages()).as("backed up to the touched page").isEqualTo(11);
      assertThat(instance.memory().read(9 * 65536, 4))
          .as("pages never written read as zero")
          .containsExactly(0, 0, 0, 0);

      assertThat(instance.callExport("Test_touch", 11 * 65536, 0)).isEqualTo(7);
      assertThat(instance.backedPages())
          .as("growth doubles the backing, so page-by-page use copies it rarely")
          .isEqualTo(22);
      int last = (3 + 2048) * 65536 - 4;
      assertThat(instance.callExport("Test_touch", last, 0)).isEqualTo(7);
      assertThat(instance.backedPages()).as("never beyond the memory").isEqualTo(3 + 2048);
    }
  }
}
