/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.api;

/**
 * A native runtime panicked: the equivalent of a Wasm runtime's {@code abort_on_panic}. The message
 * must be the one the Wasm twin reports, so that both implementations fail alike.
 */
public final class NativeRuntimePanic extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NativeRuntimePanic(String message) {
    super(message);
  }

  public NativeRuntimePanic(String message, Throwable cause) {
    super(message, cause);
  }
}
