/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.multistream;

import io.basalt.network.frame.FrameException;
import io.basalt.network.frame.UnsignedVarint;
import io.netty.buffer.ByteBuf;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One multistream-select message: an unsigned-varint length, then UTF-8 text ending in {@code '\n'}
 * (the length counts the newline).
 */
public final class MultistreamMessage {
  /** The protocol header both sides send first. */
  public static final String HEADER = "/multistream/1.0.0";

  /** The answer to a protocol the peer does not support. */
  public static final String NOT_AVAILABLE = "na";

  /** The request for the peer's protocol list, which we refuse with {@code na}. */
  public static final String LIST = "ls";

  /** The longest message we accept, newline included. */
  public static final int MAX_LENGTH = 1024;

  private MultistreamMessage() {}

  /** Appends the encoding of {@code text} to {@code out}. */
  public static void write(String text, ByteBuf out) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length + 1 > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "a multistream message has at most " + MAX_LENGTH + " bytes: " + text);
    }
    UnsignedVarint.write(bytes.length + 1, out);
    out.writeBytes(bytes);
    out.writeByte('\n');
  }

  /**
   * Reads one message at the reader index of {@code in}, or returns null and leaves the index where
   * it was when the message is not complete yet.
   *
   * @throws FrameException when the length is zero or above {@link #MAX_LENGTH}, the message does
   *     not end in a newline, or it is not UTF-8
   */
  public static String read(ByteBuf in) {
    int start = in.readerIndex();
    long length = UnsignedVarint.read(in);
    if (length < 0) {
      return null;
    }
    if (length == 0 || length > MAX_LENGTH) {
      throw new FrameException(
          "a multistream message of " + length + " bytes (1 to " + MAX_LENGTH + " allowed)");
    }
    if (in.readableBytes() < length) {
      in.readerIndex(start);
      return null;
    }
    int textLength = (int) length - 1;
    if (in.getByte(in.readerIndex() + textLength) != '\n') {
      throw new FrameException("a multistream message does not end in a newline");
    }
    byte[] text = new byte[textLength];
    in.readBytes(text);
    in.skipBytes(1);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(text))
          .toString();
    } catch (CharacterCodingException e) {
      throw new FrameException("a multistream message is not UTF-8", e);
    }
  }
}
