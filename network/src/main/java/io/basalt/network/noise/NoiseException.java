/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.noise;

import io.basalt.network.frame.FrameException;

/**
 * A Noise handshake or frame the peer got wrong: a frame that fails authentication, a bad identity
 * signature, an unsupported identity key, or a peer id other than the one we dialed.
 */
public final class NoiseException extends FrameException {
  private static final long serialVersionUID = 1L;

  public NoiseException(String message) {
    super(message);
  }

  public NoiseException(String message, Throwable cause) {
    super(message, cause);
  }
}
