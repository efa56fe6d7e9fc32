/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.noise;

import io.basalt.primitives.crypto.PeerId;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Runs a {@link NoiseHandshake} on a Netty channel, each message framed by a 2-byte big-endian
 * length. When it is complete, it puts a {@link NoiseFrameDecoder} and a {@link NoiseFrameEncoder}
 * in its place, calls {@code onComplete} with the authenticated peer (to add the next layer after
 * them) and removes itself; bytes that followed the last handshake message go to the decoder.
 */
public final class NoiseHandshakeHandler extends ByteToMessageDecoder {
  /** The name the frame decoder gets in the pipeline. */
  public static final String DECODER = "noise-decoder";

  /** The name the frame encoder gets in the pipeline. */
  public static final String ENCODER = "noise-encoder";

  private final NoiseHandshake handshake;
  private final BiConsumer<ChannelHandlerContext, PeerId> onComplete;
  private boolean started;

  public NoiseHandshakeHandler(
      NoiseHandshake handshake, BiConsumer<ChannelHandlerContext, PeerId> onComplete) {
    this.handshake = handshake;
    this.onComplete = onComplete;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      start(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    start(ctx);
    super.channelActive(ctx);
  }

  private void start(ChannelHandlerContext ctx) {
    if (!started) {
      started = true;
      if (handshake.isOurTurn()) {
        send(ctx, handshake.writeMessage());
      }
    }
  }

  private static void send(ChannelHandlerContext ctx, byte[] message) {
    ByteBuf frame = ctx.alloc().buffer(2 + message.length);
    frame.writeShort(message.length);
    frame.writeBytes(message);
    var unused = ctx.writeAndFlush(frame);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (handshake.isComplete() || in.readableBytes() < 2) {
      return;
    }
    int length = in.getUnsignedShort(in.readerIndex());
    if (in.readableBytes() < 2 + length) {
      return;
    }
    in.skipBytes(2);
    byte[] message = new byte[length];
    in.readBytes(message);
    handshake.readMessage(message);
    if (handshake.isOurTurn()) {
      send(ctx, handshake.writeMessage());
    }
    if (handshake.isComplete()) {
      NoiseXX.TransportCiphers ciphers = handshake.split();
      ctx.pipeline()
          .addAfter(ctx.name(), ENCODER, new NoiseFrameEncoder(ctx.channel(), ciphers.send()));
      ctx.pipeline().addAfter(ctx.name(), DECODER, new NoiseFrameDecoder(ciphers.receive()));
      onComplete.accept(ctx, handshake.remotePeer().orElseThrow());
      ctx.pipeline().remove(this);
    }
  }
}
