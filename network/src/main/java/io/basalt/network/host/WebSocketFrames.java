/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.host;

import io.basalt.network.frame.FrameException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * libp2p's WebSocket transport: the connection's bytes travel as binary frames. Inbound frames
 * become plain buffers, outbound buffers become binary frames; once the WebSocket handshake is done
 * (either side) {@code onOpen} adds the libp2p upgrade. A text frame is a protocol error.
 */
final class WebSocketFrames extends ChannelDuplexHandler {
  private final Runnable onOpen;

  WebSocketFrames(Runnable onOpen) {
    this.onOpen = onOpen;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof TextWebSocketFrame text) {
      text.release();
      throw new FrameException("a WebSocket text frame on a libp2p connection");
    }
    if (msg instanceof BinaryWebSocketFrame || msg instanceof ContinuationWebSocketFrame) {
      io.netty.handler.codec.http.websocketx.WebSocketFrame frame =
          (io.netty.handler.codec.http.websocketx.WebSocketFrame) msg;
      ByteBuf content = frame.content().retain();
      frame.release();
      ctx.fireChannelRead(content);
      return;
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof ByteBuf buf) {
      var unused = ctx.write(new BinaryWebSocketFrame(buf), promise);
    } else {
      var unused = ctx.write(msg, promise);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete
        || evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
      onOpen.run();
    }
    ctx.fireUserEventTriggered(evt);
  }
}
