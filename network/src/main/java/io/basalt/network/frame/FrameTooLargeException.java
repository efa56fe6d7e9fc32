/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.frame;

/** A length prefix announced more bytes than the protocol allows for that frame. */
public class FrameTooLargeException extends FrameException {
  private static final long serialVersionUID = 1L;

  private final long length;
  private final int limit;

  public FrameTooLargeException(long length, int limit) {
    super("a frame of " + length + " bytes exceeds the limit of " + limit);
    this.length = length;
    this.limit = limit;
  }

  /** The announced length. */
  public long length() {
    return length;
  }

  /** The largest length allowed. */
  public int limit() {
    return limit;
  }
}
