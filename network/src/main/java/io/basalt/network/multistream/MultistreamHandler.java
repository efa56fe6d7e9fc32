/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.multistream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Runs a {@link Negotiation} on a Netty channel, then removes itself. When it is over, {@code
 * onNegotiated} runs first (to add the handler of the negotiated protocol right after this one),
 * and bytes that followed the last message are passed on to that handler. A malformed message or a
 * refused negotiation surfaces as an exception in the pipeline.
 */
public final class MultistreamHandler extends ByteToMessageDecoder {
  private final Negotiation negotiation;
  private final BiConsumer<ChannelHandlerContext, String> onNegotiated;
  private boolean started;

  public MultistreamHandler(
      Negotiation negotiation, BiConsumer<ChannelHandlerContext, String> onNegotiated) {
    this.negotiation = negotiation;
    this.onNegotiated = onNegotiated;
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
    if (started) {
      return;
    }
    started = true;
    if (negotiation.isDialer()) {
      ByteBuf out = ctx.alloc().buffer();
      negotiation.start(out);
      var unused = ctx.writeAndFlush(out);
    }
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (negotiation.protocol() != null) {
      return;
    }
    ByteBuf reply = ctx.alloc().buffer();
    boolean done;
    try {
      done = negotiation.process(in, reply);
    } catch (RuntimeException e) {
      reply.release();
      throw e;
    }
    if (reply.isReadable()) {
      var unused = ctx.writeAndFlush(reply);
    } else {
      reply.release();
    }
    if (done) {
      onNegotiated.accept(ctx, negotiation.protocol());
      ctx.pipeline().remove(this);
    }
  }
}
