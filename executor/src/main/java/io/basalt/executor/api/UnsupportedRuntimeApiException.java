/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.api;

/**
 * A runtime API method the runtime does not export (a Wasm "missing export" or its native twin).
 */
public final class UnsupportedRuntimeApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnsupportedRuntimeApiException(String method) {
    super("the runtime does not implement " + method);
  }
}
