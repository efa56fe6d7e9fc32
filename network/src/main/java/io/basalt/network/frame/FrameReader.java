/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.frame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a byte stream into unsigned-varint-length-prefixed frames, the framing of Substrate's
 * notification handshakes, notifications, requests and responses. Bytes arrive in arbitrary chunks;
 * complete frames come out in order. Not thread-safe: feed it from one stream's listener.
 *
 * <pre>{@code
 * FrameReader reader = new FrameReader(1024);
 * for (byte[] frame : reader.feed(chunk)) { ... }
 * }</pre>
 */
public final class FrameReader {
  private int maxFrameSize;
  private byte[] buffer = new byte[64];
  private int start;
  private int end;

  /** A reader whose frames may carry at most {@code maxFrameSize} bytes. */
  public FrameReader(int maxFrameSize) {
    setMaxFrameSize(maxFrameSize);
  }

  /** The length-prefixed form of {@code payload}. */
  public static byte[] encode(byte[] payload) {
    byte[] prefix = UnsignedVarint.encode(payload.length);
    byte[] out = Arrays.copyOf(prefix, prefix.length + payload.length);
    System.arraycopy(payload, 0, out, prefix.length, payload.length);
    return out;
  }

  /** Changes the limit for the frames not yet returned (e.g. after a handshake). */
  public void setMaxFrameSize(int maxFrameSize) {
    if (maxFrameSize < 0) {
      throw new IllegalArgumentException("a frame size limit is not negative: " + maxFrameSize);
    }
    this.maxFrameSize = maxFrameSize;
  }

  /**
   * Adds {@code bytes} and returns the frames they complete, possibly none.
   *
   * @throws FrameException when a length prefix is malformed, or {@link FrameTooLargeException}
   *     when it exceeds the limit; the reader is unusable afterwards
   */
  public List<byte[]> feed(byte[] bytes) {
    append(bytes);
    List<byte[]> frames = new ArrayList<>(1);
    while (true) {
      byte[] frame = next();
      if (frame == null) {
        return frames;
      }
      frames.add(frame);
    }
  }

  /**
   * Adds {@code bytes} and returns at most one frame, leaving later bytes buffered: for protocols
   * whose limit changes after the first frame. Call {@link #poll()} for the frames after it.
   */
  public List<byte[]> feedOne(byte[] bytes) {
    append(bytes);
    return poll();
  }

  /** The next complete buffered frame, if there is one, as a list of zero or one frame. */
  public List<byte[]> poll() {
    byte[] frame = next();
    return frame == null ? List.of() : List.of(frame);
  }

  /** The number of buffered bytes not yet returned in a frame. */
  public int buffered() {
    return end - start;
  }

  private void append(byte[] bytes) {
    if (end + bytes.length > buffer.length) {
      int live = end - start;
      int capacity = Math.max(buffer.length, 64);
      while (capacity < live + bytes.length) {
        capacity *= 2;
      }
      byte[] grown = capacity == buffer.length ? buffer : new byte[capacity];
      System.arraycopy(buffer, start, grown, 0, live);
      buffer = grown;
      start = 0;
      end = live;
    }
    System.arraycopy(bytes, 0, buffer, end, bytes.length);
    end += bytes.length;
  }

  private byte[] next() {
    int prefixEnd = -1;
    for (int i = start; i < end && i - start < UnsignedVarint.MAX_BYTES; i++) {
      if ((buffer[i] & 0x80) == 0) {
        prefixEnd = i + 1;
        break;
      }
    }
    if (prefixEnd < 0) {
      if (end - start >= UnsignedVarint.MAX_BYTES) {
        throw new FrameException("a length prefix is longer than " + UnsignedVarint.MAX_BYTES);
      }
      return null;
    }
    long length = UnsignedVarint.read(Arrays.copyOfRange(buffer, start, prefixEnd), new int[] {0});
    if (length > maxFrameSize) {
      throw new FrameTooLargeException(length, maxFrameSize);
    }
    if (end - prefixEnd < length) {
      return null;
    }
    byte[] frame = Arrays.copyOfRange(buffer, prefixEnd, prefixEnd + (int) length);
    start = prefixEnd + (int) length;
    if (start == end) {
      start = 0;
      end = 0;
    }
    return frame;
  }
}
