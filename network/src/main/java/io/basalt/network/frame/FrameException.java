/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.frame;

/**
 * Bytes from a peer that break a wire format: a bad varint, an oversized frame, a message that does
 * not decode. The connection or stream that carried them is closed and the peer loses reputation;
 * the message says what was wrong, in one line.
 */
public class FrameException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FrameException(String message) {
    super(message);
  }

  public FrameException(String message, Throwable cause) {
    super(message, cause);
  }
}
