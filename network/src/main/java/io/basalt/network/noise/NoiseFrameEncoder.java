/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.noise;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.CoalescingBufferQueue;
import java.nio.channels.ClosedChannelException;

/**
 * Encrypts outbound bytes into Noise transport frames. Writes are queued and coalesced until a
 * flush, then cut into frames of at most {@value #MAX_PLAINTEXT} plaintext bytes (the 65535-byte
 * frame limit less the tag); a queue that reaches a full frame is encrypted without waiting.
 */
public final class NoiseFrameEncoder extends ChannelOutboundHandlerAdapter {
  /** The most plaintext one frame carries. */
  public static final int MAX_PLAINTEXT = 65535 - CipherState.TAG_LENGTH;

  private final CipherState cipher;
  private final CoalescingBufferQueue queue;

  NoiseFrameEncoder(Channel channel, CipherState cipher) {
    this.cipher = cipher;
    this.queue = new CoalescingBufferQueue(channel, 4);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!(msg instanceof ByteBuf buf)) {
      var unused = ctx.write(msg, promise);
      return;
    }
    queue.add(buf, promise);
    while (queue.readableBytes() >= MAX_PLAINTEXT) {
      writeFrame(ctx);
    }
  }

  @Override
  public void flush(ChannelHandlerContext ctx) {
    while (!queue.isEmpty()) {
      writeFrame(ctx);
    }
    ctx.flush();
  }

  private void writeFrame(ChannelHandlerContext ctx) {
    ChannelPromise promise = ctx.newPromise();
    ByteBuf plaintext = queue.remove(ctx.alloc(), MAX_PLAINTEXT, promise);
    int length = plaintext.readableBytes();
    ByteBuf frame = ctx.alloc().directBuffer(2 + length + CipherState.TAG_LENGTH);
    try {
      frame.writeShort(length + CipherState.TAG_LENGTH);
      cipher.encrypt(plaintext, frame);
    } catch (RuntimeException e) {
      frame.release();
      promise.setFailure(e);
      return;
    } finally {
      plaintext.release();
    }
    var unused = ctx.write(frame, promise);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    queue.releaseAndFailAll(new ClosedChannelException());
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    queue.releaseAndFailAll(new ClosedChannelException());
    var unused = ctx.close(promise);
  }
}
