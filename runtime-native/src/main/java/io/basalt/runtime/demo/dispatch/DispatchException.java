/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.dispatch;

/**
 * A call failed with a {@link DispatchError}: FRAME's {@code Err(DispatchError)} return. The
 * dispatcher catches it, rolls back the call's storage transaction and reports the error; it never
 * escapes a runtime API call. Carries no stack trace (it is control flow, not a bug).
 */
public final class DispatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient DispatchError error;

  public DispatchException(DispatchError error) {
    super(error.toString(), null, false, false);
    this.error = error;
  }

  public DispatchError error() {
    return error;
  }
}
