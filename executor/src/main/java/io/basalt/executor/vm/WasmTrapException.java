/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm;

/**
 * A trap raised by the Wasm engine itself: {@code unreachable}, an out-of-bounds memory access,
 * integer division by zero, a call-stack overflow, a call to an import the host does not provide.
 */
public final class WasmTrapException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WasmTrapException(String message, Throwable cause) {
    super(message, cause);
  }

  public WasmTrapException(String message) {
    super(message);
  }
}
