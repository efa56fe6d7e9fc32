/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

/**
 * The runtime panicked and reported its message through {@code
 * ext_panic_handler_abort_on_panic_version_1}; the call must trap.
 */
public final class RuntimePanicException extends HostFunctionException {
  private static final long serialVersionUID = 1L;

  private final String panicMessage;

  public RuntimePanicException(String panicMessage) {
    super("runtime panicked: " + panicMessage);
    this.panicMessage = panicMessage;
  }

  /** The runtime's panic message. */
  public String panicMessage() {
    return panicMessage;
  }
}
