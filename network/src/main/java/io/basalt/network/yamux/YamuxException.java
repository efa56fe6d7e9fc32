/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.yamux;

import io.basalt.network.frame.FrameException;

/**
 * A peer broke the Yamux protocol (a bad version or frame type, data beyond the receive window, a
 * stream id of the wrong parity, too many streams), or a session could not open a stream because it
 * is closed or full.
 */
public class YamuxException extends FrameException {
  private static final long serialVersionUID = 1L;

  public YamuxException(String message) {
    super(message);
  }

  public YamuxException(String message, Throwable cause) {
    super(message, cause);
  }
}
