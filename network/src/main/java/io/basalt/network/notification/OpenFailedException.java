/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.notification;

/** Opening a notifications substream failed: refused handshake, reset, or closed before open. */
public class OpenFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OpenFailedException(String message) {
    super(message);
  }

  public OpenFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
