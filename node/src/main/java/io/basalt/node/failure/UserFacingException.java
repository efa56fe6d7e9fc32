/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.failure;

/**
 * An exception from a lower module whose message is meant for the user (storage that cannot be
 * opened, an invalid runtime, a block that fails to import), wrapped where the node meets it. The
 * CLI reports it as one {@code Error: …} line with exit code 1.
 */
public final class UserFacingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserFacingException(String message, Throwable cause) {
    super(message, cause);
  }
}
