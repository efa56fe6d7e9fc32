/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import static io.basalt.executor.WatProbes.EXECUTOR;
import static io.basalt.executor.WatProbes.SERVICES;
import static io.basalt.executor.WatProbes.ext;
import static io.basalt.executor.WatProbes.module;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.RuntimeTrapException;
import org.junit.jupiter.api.Test;

/**
 * {@code ext_logging_*}: the maximum level follows the {@code runtime} logger, and an error log
 * followed by a trap is how older runtimes panic.
 */
class LoggingHostFunctionsTest {
  @Test
  void olderRuntimesPanicByLoggingAnErrorThenTrapping() {
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_logging_log_version_1" (func $log (param i32 i64 i64)))
            (import "env" "memory" (memory 1))
            (data (i32.const 16) "runtimepanicked at 'overflow'")
            (func (export "Test_panic") (param i32 i32) (result i64)
              (call $log (i32.const 0)
                (i64.or (i64.shl (i64.const 7) (i64.const 32)) (i64.const 16))
                (i64.or (i64.shl (i64.const 22) (i64.const 32)) (i64.const 23)))
              unreachable)
            """);
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Test_panic", new byte[0], ext()))
        .isInstanceOf(RuntimeTrapException.class)
        .hasMessageContaining("panicked: panicked at 'overflow'")
        .hasMessageContaining("unreachable");
  }

  @Test
  void maxLevelFollowsTheRuntimeLogger() {
    HostCallProbe probe = HostCallProbe.of("ext_logging_max_level_version_1");
    Object[][] cases = {
      {Level.TRACE, 5L},
      {Level.DEBUG, 4L},
      {Level.INFO, 3L},
      {Level.WARN, 2L},
      {Level.ERROR, 1L},
      {Level.OFF, 0L}
    };
    for (Object[] c : cases) {
      try (CapturedLogs logs = CapturedLogs.of("runtime", (Level) c[0])) {
        assertThat(probe.value(EXECUTOR, ext(), SERVICES)).as(c[0].toString()).isEqualTo(c[1]);
        assertThat(logs.lines()).isEmpty();
      }
    }
  }
}
