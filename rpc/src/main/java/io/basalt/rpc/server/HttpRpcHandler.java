/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.server;

import io.basalt.rpc.dispatch.CallContext;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP side of the one port: host and origin checks, CORS preflight, the WebSocket upgrade, and
 * JSON-RPC over {@code POST} with jsonrpsee's status codes (405 for other methods, 415 for a
 * non-JSON content type, 400 for a body that does not start with '{' or '[', 413 past {@code
 * --rpc-max-request-size}, 429 past {@code --rpc-max-connections}, 403 for a Host header outside
 * the loopback names when CORS is restricted). An {@code Origin} outside {@code --rpc-cors} gets
 * 403 on HTTP and on the upgrade alike (Substrate's tower-http layer only omits the CORS headers;
 * refusing is Basalt's choice, since browsers do not apply CORS to WebSockets). One request is
 * served at a time per connection.
 */
final class HttpRpcHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Set<String> JSON_TYPES =
      Set.of(
          "application/json",
          "application/json; charset=utf-8",
          "application/json;charset=utf-8",
          "application/json-rpc",
          "application/json-rpc;charset=utf-8",
          "application/json-rpc; charset=utf-8");

  private final ServerState state;

  HttpRpcHandler(ServerState state) {
    this.state = state;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (!request.decoderResult().isSuccess()) {
      send(ctx, HttpResponses.malformed(), false, null);
      return;
    }
    if (!state.config().cors().allowsAll()) {
      String host = request.headers().get(HttpHeaderNames.HOST);
      if (host == null) {
        send(ctx, HttpResponses.malformed(), keepAlive, null);
        return;
      }
      if (!state.hostAllowed(host)) {
        send(ctx, HttpResponses.hostNotAllowed(), keepAlive, null);
        return;
      }
    }
    String origin = request.headers().get(HttpHeaderNames.ORIGIN);
    if (origin != null && !state.config().cors().allows(origin)) {
      send(ctx, HttpResponses.denied(), keepAlive, null);
      return;
    }
    if (request.method().equals(HttpMethod.OPTIONS)
        && origin != null
        && request.headers().contains(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD)) {
      FullHttpResponse preflight = HttpResponses.of(HttpResponseStatus.OK, "", HttpResponses.TEXT);
      preflight.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "POST, OPTIONS");
      preflight.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "content-type");
      send(ctx, preflight, keepAlive, origin);
      return;
    }
    if (!state.connections().tryAcquire()) {
      send(ctx, HttpResponses.tooManyConnections(), false, origin);
      return;
    }
    if (isUpgrade(request)) {
      upgrade(ctx, request);
      return;
    }
    if (!request.method().equals(HttpMethod.POST)) {
      state.connections().release();
      send(ctx, HttpResponses.methodNotAllowed(), keepAlive, origin);
      return;
    }
    String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
    if (type == null || !JSON_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
      state.connections().release();
      send(ctx, HttpResponses.unsupportedContentType(), keepAlive, origin);
      return;
    }
    Optional<String> body = jsonText(request.content());
    if (body.isEmpty()) {
      state.connections().release();
      send(ctx, HttpResponses.malformed(), keepAlive, origin);
      return;
    }
    ctx.channel().config().setAutoRead(false);
    CallContext context = CallContext.http(state.deniesUnsafe());
    RateLimiter limiter = state.newRateLimiter();
    state
        .runner()
        .run(
            body.get(),
            context,
            limiter,
            ctx.channel().eventLoop(),
            outcome -> {
              state.connections().release();
              ctx.channel().config().setAutoRead(true);
              send(ctx, HttpResponses.ok(outcome.response().orElse("null")), keepAlive, origin);
              CallRunner.runAfterResponse(outcome, state);
            });
  }

  /**
   * The body as text when its first non-whitespace byte, within the first 128, is '{' or '[' and it
   * is valid UTF-8 (jsonrpsee's {@code read_body}); empty otherwise.
   */
  static Optional<String> jsonText(ByteBuf content) {
    int start = content.readerIndex();
    int end = Math.min(content.writerIndex(), start + 128);
    for (int i = start; i < end; i++) {
      byte b = content.getByte(i);
      if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f') {
        continue;
      }
      if (b != '{' && b != '[') {
        return Optional.empty();
      }
      ByteBuffer bytes = content.nioBuffer(i, content.writerIndex() - i);
      try {
        return Optional.of(
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(bytes)
                .toString());
      } catch (CharacterCodingException e) {
        return Optional.of("\u0000");
      }
    }
    return Optional.empty();
  }

  private static boolean isUpgrade(FullHttpRequest request) {
    return request.method().equals(HttpMethod.GET)
        && request
            .headers()
            .containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)
        && request
            .headers()
            .containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true);
  }

  private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request) {
    WebSocketDecoderConfig decoder =
        WebSocketDecoderConfig.newBuilder()
            .maxFramePayloadLength(
                (int) Math.min(Integer.MAX_VALUE, state.config().maxRequestBytes()))
            .closeOnProtocolViolation(false)
            .allowExtensions(false)
            .build();
    String url = "ws://" + request.headers().get(HttpHeaderNames.HOST, "localhost") + request.uri();
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory(url, null, decoder).newHandshaker(request);
    if (handshaker == null) {
      state.connections().release();
      var unused = WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
      return;
    }
    WebSocketRpcHandler socket = new WebSocketRpcHandler(state, handshaker);
    ctx.pipeline().replace(this, "rpc-ws", socket);
    handshaker
        .handshake(ctx.channel(), request)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                var unused = ctx.channel().close();
              }
            });
  }

  private void send(
      ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive, String origin) {
    if (origin != null) {
      response
          .headers()
          .set(
              HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN,
              state.config().cors().allowsAll() ? "*" : origin);
      response.headers().set(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
    }
    if (keepAlive) {
      HttpUtil.setKeepAlive(response, true);
      var unused = ctx.writeAndFlush(response);
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    state
        .log()
        .debug(
            "RPC HTTP connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    var unused = ctx.close();
  }
}
