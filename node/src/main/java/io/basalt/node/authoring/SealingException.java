/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

/** A block requested from manual seal could not be made or finalized; nothing changed. */
public final class SealingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SealingException(String message) {
    super(message);
  }

  public SealingException(String message, Throwable cause) {
    super(message, cause);
  }
}
