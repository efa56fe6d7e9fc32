/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.server;

import io.basalt.rpc.dispatch.CallContext;
import io.basalt.rpc.dispatch.RpcError;
import io.basalt.rpc.dispatch.RpcJson;
import io.basalt.rpc.subscription.SubscriptionManager;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import java.util.Optional;

/**
 * One WebSocket connection: messages (text or binary, possibly fragmented) are JSON-RPC requests,
 * answered in any order as they complete, with subscriptions. Back-pressure follows jsonrpsee's
 * {@code --rpc-message-buffer-capacity-per-connection}: when the responses not yet on the socket
 * plus the calls in progress reach the capacity, the server stops reading the socket until the
 * client reads; notifications wait in their subscription and a subscription that falls 16 behind is
 * dropped (see {@link SubscriptionManager}). A message over {@code --rpc-max-request-size} in
 * fragments is answered {@code -32007} with id null and the connection stays; a single frame over
 * it cannot be skipped, so it is answered and the connection closed with status 1009.
 */
final class WebSocketRpcHandler extends ChannelInboundHandlerAdapter {
  private final ServerState state;
  private final WebSocketServerHandshaker handshaker;
  private ChannelOutbox outbox;
  private SubscriptionManager subscriptions;
  private CallContext context;
  private RateLimiter limiter;
  private CompositeByteBuf fragments;
  private boolean discarding;
  private int inFlight;
  private boolean released;

  WebSocketRpcHandler(ServerState state, WebSocketServerHandshaker handshaker) {
    this.state = state;
    this.handshaker = handshaker;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    int capacity = state.config().messageBufferCapacity();
    outbox = new ChannelOutbox(ctx.channel(), capacity, () -> drained(ctx));
    subscriptions =
        new SubscriptionManager(
            outbox,
            RpcJson.MAPPER,
            state.subscriptionIds(),
            state.config().maxSubscriptionsPerConnection(),
            String.valueOf(ctx.channel().remoteAddress()));
    context = CallContext.webSocket(state.deniesUnsafe(), subscriptions);
    limiter = state.newRateLimiter();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof WebSocketFrame frame)) {
      io.netty.util.ReferenceCountUtil.release(msg);
      return;
    }
    try {
      switch (frame) {
        case TextWebSocketFrame text -> start(ctx, text);
        case BinaryWebSocketFrame binary -> start(ctx, binary);
        case ContinuationWebSocketFrame more -> append(ctx, more);
        case PingWebSocketFrame ping -> pong(ctx, ping);
        case CloseWebSocketFrame close -> closeRequested(ctx, close);
        default -> {}
      }
    } finally {
      frame.release();
    }
  }

  private static void pong(ChannelHandlerContext ctx, PingWebSocketFrame ping) {
    var unused = ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
  }

  private void closeRequested(ChannelHandlerContext ctx, CloseWebSocketFrame close) {
    var unused = handshaker.close(ctx.channel(), close.retain());
  }

  private void start(ChannelHandlerContext ctx, WebSocketFrame frame) {
    resetFragments();
    if (frame.isFinalFragment()) {
      handle(ctx, frame.content());
      return;
    }
    fragments = ctx.alloc().compositeBuffer();
    fragments.addComponent(true, frame.content().retain());
  }

  private void append(ChannelHandlerContext ctx, ContinuationWebSocketFrame frame) {
    if (discarding) {
      discarding = !frame.isFinalFragment();
      return;
    }
    if (fragments == null) {
      return;
    }
    if (fragments.readableBytes() + (long) frame.content().readableBytes()
        > state.config().maxRequestBytes()) {
      resetFragments();
      discarding = !frame.isFinalFragment();
      outbox.write(
          CallRunner.errorText(
              RpcError.OVERSIZED_REQUEST.exceeded(state.config().maxRequestBytes())));
      return;
    }
    fragments.addComponent(true, frame.content().retain());
    if (frame.isFinalFragment()) {
      CompositeByteBuf message = fragments;
      fragments = null;
      try {
        handle(ctx, message);
      } finally {
        message.release();
      }
    }
  }

  private void handle(ChannelHandlerContext ctx, ByteBuf content) {
    Optional<String> body = HttpRpcHandler.jsonText(content);
    if (body.isEmpty()) {
      outbox.write(CallRunner.errorText(RpcError.PARSE_ERROR.exception()));
      updateReading(ctx);
      return;
    }
    inFlight++;
    updateReading(ctx);
    state
        .runner()
        .run(
            body.get(),
            context,
            limiter,
            ctx.channel().eventLoop(),
            outcome -> {
              inFlight--;
              if (ctx.channel().isActive()) {
                outcome.response().ifPresent(outbox::write);
                subscriptions.activate(outcome.subscriptions());
                CallRunner.runAfterResponse(outcome, state);
              } else {
                subscriptions.closeAll();
              }
              updateReading(ctx);
            });
  }

  private void drained(ChannelHandlerContext ctx) {
    subscriptions.requestPump();
    updateReading(ctx);
  }

  /** Reads while the responses waiting plus the calls running are below the buffer capacity. */
  private void updateReading(ChannelHandlerContext ctx) {
    boolean room = outbox.pending() + inFlight < state.config().messageBufferCapacity();
    if (ctx.channel().config().isAutoRead() != room) {
      ctx.channel().config().setAutoRead(room);
    }
  }

  private void resetFragments() {
    if (fragments != null) {
      fragments.release();
      fragments = null;
    }
    discarding = false;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof CorruptedWebSocketFrameException corrupt
        && corrupt.closeStatus() != null
        && corrupt.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()) {
      var unused =
          ctx.writeAndFlush(
              new TextWebSocketFrame(
                  CallRunner.errorText(
                      RpcError.OVERSIZED_REQUEST.exceeded(state.config().maxRequestBytes()))));
      ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG))
          .addListener(ChannelFutureListener.CLOSE);
      return;
    }
    state
        .log()
        .debug("RPC WebSocket {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    var unused = ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    resetFragments();
    subscriptions.closeAll();
    if (!released) {
      released = true;
      state.connections().release();
    }
    ctx.fireChannelInactive();
  }
}
