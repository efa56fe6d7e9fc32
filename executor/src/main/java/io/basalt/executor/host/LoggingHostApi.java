/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import static io.basalt.executor.vm.WasmValueType.I32;
import static io.basalt.executor.vm.WasmValueType.I64;

import io.basalt.executor.vm.WasmSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ext_logging_*}: runtime log lines go to the SLF4J logger {@code runtime} (so {@code -l
 * runtime=debug} works), prefixed with the runtime's own target. Levels are sp-core's {@code
 * LogLevel} by variant index: 0 error, 1 warn, 2 info, 3 debug, 4 trace; {@code max_level} answers
 * {@code LogLevelFilter}: 0 off, 1 error .. 5 trace. Error lines are remembered: older runtimes log
 * their panic message, then hit {@code unreachable}. Spec: <a
 * href="https://spec.polkadot.network/chap-host-api#sect-logging-api">Logging</a>.
 */
public final class LoggingHostApi {
  static final Logger RUNTIME = LoggerFactory.getLogger("runtime");

  private LoggingHostApi() {}

  static void register(HostFunctionRegistry.Builder b) {
    b.register(
        "logging",
        "log",
        1,
        WasmSignature.of(I32, I64, I64),
        (ctx, a) -> {
          logV1(
              ctx, (int) a[0], ctx.memory().readUtf8Lossy(a[1]), ctx.memory().readUtf8Lossy(a[2]));
          return 0;
        });
    b.register("logging", "max_level", 1, WasmSignature.returning(I32), (ctx, a) -> maxLevelV1());
  }

  static void logV1(HostCallContext ctx, int level, String target, String message) {
    switch (level) {
      case 0 -> {
        ctx.recordErrorLog(message);
        RUNTIME.error("[{}] {}", target, message);
      }
      case 1 -> RUNTIME.warn("[{}] {}", target, message);
      case 2 -> RUNTIME.info("[{}] {}", target, message);
      case 3 -> RUNTIME.debug("[{}] {}", target, message);
      case 4 -> RUNTIME.trace("[{}] {}", target, message);
      default ->
          throw new HostFunctionException("ext_logging_log_version_1: invalid log level " + level);
    }
  }

  static int maxLevelV1() {
    if (RUNTIME.isTraceEnabled()) {
      return 5;
    }
    if (RUNTIME.isDebugEnabled()) {
      return 4;
    }
    if (RUNTIME.isInfoEnabled()) {
      return 3;
    }
    if (RUNTIME.isWarnEnabled()) {
      return 2;
    }
    return RUNTIME.isErrorEnabled() ? 1 : 0;
  }
}
