/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.config;

/**
 * A configuration problem the user must fix (conflicting options, unusable base path, a chain spec
 * that does not match the database). Reported as one line, exit code 1, no stack trace.
 */
public final class InvalidConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidConfigurationException(String message) {
    super(message);
  }

  public InvalidConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
