/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm;

/**
 * Runtime code that cannot be used: not Wasm, a bad compression envelope, a malformed section, an
 * import the host does not provide (or provides with another signature), a missing or mistyped
 * export. The message says what was wrong and where.
 */
public final class InvalidRuntimeCodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidRuntimeCodeException(String message) {
    super(message);
  }

  public InvalidRuntimeCodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
