/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm;

import java.util.Optional;

/**
 * A runtime call that ended in a Wasm trap: a runtime panic ({@code
 * ext_panic_handler_abort_on_panic_version_1}, or an error log followed by {@code unreachable} in
 * older runtimes), a host function the runtime misused, an out-of-bounds access, a stack overflow,
 * an allocator failure. The instance is discarded afterwards, as sc-executor does.
 */
public final class RuntimeTrapException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String panicMessage;

  /**
   * A trap of a runtime call.
   *
   * @param method the runtime API that was called, e.g. {@code Core_execute_block}
   * @param reason what happened, e.g. {@code wasm trap: unreachable}
   * @param panicMessage the runtime's own panic message, if it reported one
   * @param cause the underlying engine or host failure
   */
  public RuntimeTrapException(
      String method, String reason, Optional<String> panicMessage, Throwable cause) {
    super(format(method, reason, panicMessage), cause);
    this.method = method;
    this.panicMessage = panicMessage.orElse(null);
  }

  private static String format(String method, String reason, Optional<String> panic) {
    return panic
        .map(p -> "runtime call " + method + " panicked: " + p + " (" + reason + ")")
        .orElseGet(() -> "runtime call " + method + " trapped: " + reason);
  }

  /** The runtime API that trapped. */
  public String method() {
    return method;
  }

  /** The panic message the runtime reported before trapping, if any. */
  public Optional<String> panicMessage() {
    return Optional.ofNullable(panicMessage);
  }
}
