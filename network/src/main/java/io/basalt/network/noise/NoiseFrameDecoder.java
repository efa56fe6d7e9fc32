/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.noise;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Decrypts Noise transport frames (2-byte big-endian length, ciphertext with a 16-byte tag) into
 * plaintext buffers. A frame that fails authentication raises {@link NoiseException}.
 */
public final class NoiseFrameDecoder extends ByteToMessageDecoder {
  private final CipherState cipher;

  NoiseFrameDecoder(CipherState cipher) {
    this.cipher = cipher;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (in.readableBytes() < 2) {
      return;
    }
    int length = in.getUnsignedShort(in.readerIndex());
    if (length < CipherState.TAG_LENGTH) {
      throw new NoiseException("a Noise frame of " + length + " bytes has no room for its tag");
    }
    if (in.readableBytes() < 2 + length) {
      return;
    }
    in.skipBytes(2);
    if (length == CipherState.TAG_LENGTH) {
      ByteBuf empty = ctx.alloc().buffer(0);
      try {
        cipher.decrypt(in, length, empty);
      } finally {
        empty.release();
      }
      return;
    }
    ByteBuf plaintext = ctx.alloc().directBuffer(length - CipherState.TAG_LENGTH);
    try {
      cipher.decrypt(in, length, plaintext);
    } catch (RuntimeException e) {
      plaintext.release();
      throw e;
    }
    out.add(plaintext);
  }
}
