/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import static io.basalt.executor.WatProbes.EXECUTOR;
import static io.basalt.executor.WatProbes.ext;
import static io.basalt.executor.WatProbes.module;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.RuntimeTrapException;
import org.junit.jupiter.api.Test;

/** {@code ext_panic_handler_*}: the runtime's panic message becomes the trap's message. */
class PanicHandlerHostFunctionsTest {
  @Test
  void panicHandlerMessageBecomesTheTrapMessage() {
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_panic_handler_abort_on_panic_version_1" (func $panic (param i64)))
            (memory (export "memory") 1)
            (data (i32.const 16) "boom: balance too low")
            (func (export "Test_panic") (param i32 i32) (result i64)
              (call $panic (i64.or (i64.shl (i64.const 21) (i64.const 32)) (i64.const 16)))
              (i64.const 0))
            """);
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Test_panic", new byte[0], ext()))
        .isInstanceOf(RuntimeTrapException.class)
        .hasMessageContaining("Test_panic panicked: boom: balance too low")
        .satisfies(
            e ->
                assertThat(((RuntimeTrapException) e).panicMessage())
                    .contains("boom: balance too low"));
  }
}
