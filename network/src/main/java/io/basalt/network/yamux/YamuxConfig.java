/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.yamux;

/**
 * The limits of one Yamux session.
 *
 * @param maxStreams how many streams may be open at once, both directions together; a peer that
 *     opens more breaks the protocol
 * @param receiveWindow the credit each stream grants the peer, at least the spec's initial 256 KiB
 * @param maxBufferedBytesPerStream how much a stream holds before its listener is set; beyond it
 *     the stream is reset
 */
public record YamuxConfig(int maxStreams, int receiveWindow, int maxBufferedBytesPerStream) {
  /** The window every stream starts with, by the Yamux spec. */
  public static final int INITIAL_WINDOW = 256 * 1024;

  public YamuxConfig {
    if (maxStreams < 1) {
      throw new IllegalArgumentException("maxStreams must be at least 1, got " + maxStreams);
    }
    if (receiveWindow < INITIAL_WINDOW) {
      throw new IllegalArgumentException(
          "receiveWindow must be at least " + INITIAL_WINDOW + " bytes, got " + receiveWindow);
    }
    if (maxBufferedBytesPerStream < 1) {
      throw new IllegalArgumentException(
          "maxBufferedBytesPerStream must be positive, got " + maxBufferedBytesPerStream);
    }
  }

  /** 1024 streams, a 256 KiB window and 16 MiB of buffered data per stream. */
  public static YamuxConfig defaults() {
    return new YamuxConfig(1024, INITIAL_WINDOW, 16 * 1024 * 1024);
  }
}
