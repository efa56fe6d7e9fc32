/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.server;

import io.basalt.rpc.dispatch.RpcError;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** jsonrpsee's HTTP answers ({@code server/src/transport/http.rs}, {@code response} module). */
final class HttpResponses {
  static final String JSON = "application/json; charset=utf-8";
  static final String TEXT = "text/plain";

  private HttpResponses() {}

  static FullHttpResponse of(HttpResponseStatus status, String body, String contentType) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
    return response;
  }

  /** 200 with a JSON-RPC response. */
  static FullHttpResponse ok(String json) {
    return of(HttpResponseStatus.OK, json, JSON);
  }

  /** 400 with a parse error: the body does not start with '{' or '[' (or no Host header). */
  static FullHttpResponse malformed() {
    return of(
        HttpResponseStatus.BAD_REQUEST,
        CallRunner.errorText(RpcError.PARSE_ERROR.exception()),
        JSON);
  }

  /** 413 with {@code -32007 Request is too big}. */
  static FullHttpResponse tooLarge(long limit) {
    return of(
        HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
        CallRunner.errorText(RpcError.OVERSIZED_REQUEST.exceeded(limit)),
        JSON);
  }

  static FullHttpResponse methodNotAllowed() {
    return of(
        HttpResponseStatus.METHOD_NOT_ALLOWED,
        "Used HTTP Method is not allowed. POST is required\n",
        TEXT);
  }

  static FullHttpResponse unsupportedContentType() {
    return of(
        HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
        "Supplied content type is not allowed. Content-Type: application/json is required\n",
        TEXT);
  }

  static FullHttpResponse tooManyConnections() {
    return of(
        HttpResponseStatus.TOO_MANY_REQUESTS,
        "Too many connections. Please try again later.",
        TEXT);
  }

  static FullHttpResponse hostNotAllowed() {
    return of(HttpResponseStatus.FORBIDDEN, "Provided Host header is not whitelisted.\n", TEXT);
  }

  /** 403 with no body (jsonrpsee's {@code denied()}), for an origin outside {@code --rpc-cors}. */
  static FullHttpResponse denied() {
    return of(HttpResponseStatus.FORBIDDEN, "", TEXT);
  }
}
