/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.dispatch;

import java.util.Optional;

/**
 * A JSON-RPC error answer: {@code {"code": …, "message": …, "data": …}}. Handlers and facades throw
 * it for expected failures (bad params, unknown block, invalid transaction); the dispatcher writes
 * it as the response's {@code error} and nothing in the node changes.
 */
public final class RpcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final transient Object data;

  /**
   * An error with a code, Substrate's message and optional data.
   *
   * @param data any value Jackson can write, or null for none
   */
  public RpcException(int code, String message, Object data) {
    super(message, null, false, false);
    this.code = code;
    this.data = data;
  }

  /** {@code -32602 Invalid params} with {@code reason} as data. */
  public static RpcException invalidParams(String reason) {
    return RpcError.INVALID_PARAMS.exception(reason);
  }

  public int code() {
    return code;
  }

  /** The error's data, if any. */
  public Optional<Object> data() {
    return Optional.ofNullable(data);
  }
}
