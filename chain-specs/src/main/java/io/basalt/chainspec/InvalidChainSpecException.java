/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.chainspec;

/** A chain spec that cannot be used: unreadable, not JSON, or not a valid Substrate chain spec. */
public final class InvalidChainSpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidChainSpecException(String message) {
    super(message);
  }

  public InvalidChainSpecException(String message, Throwable cause) {
    super(message, cause);
  }
}
