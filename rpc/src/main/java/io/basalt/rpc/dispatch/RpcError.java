/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.dispatch;

/**
 * The JSON-RPC errors the server and dispatcher answer with, with jsonrpsee's codes and messages
 * (jsonrpsee-types {@code error.rs}) and Substrate's refusal of unsafe methods (sc-rpc-api {@code
 * policy.rs}: {@code -32601}, {@code "RPC call is unsafe to be called externally"}). Method groups
 * add their own codes through {@link RpcException}.
 */
public enum RpcError {
  PARSE_ERROR(-32700, "Parse error"),
  INVALID_REQUEST(-32600, "Invalid request"),
  METHOD_NOT_FOUND(-32601, "Method not found"),
  INVALID_PARAMS(-32602, "Invalid params"),
  INTERNAL_ERROR(-32603, "Internal error"),
  BATCHES_NOT_SUPPORTED(-32005, "Batched requests are not supported by this server"),
  TOO_MANY_SUBSCRIPTIONS(-32006, "Too many subscriptions on the connection"),
  OVERSIZED_REQUEST(-32007, "Request is too big"),
  OVERSIZED_RESPONSE(-32008, "Response is too big"),
  SERVER_IS_BUSY(-32009, "Server is busy, try again later"),
  TOO_BIG_BATCH_REQUEST(-32010, "The batch request was too large"),
  TOO_BIG_BATCH_RESPONSE(-32011, "The batch response was too large"),
  UNSAFE_METHOD(-32601, "RPC call is unsafe to be called externally");

  private final int code;
  private final String message;

  RpcError(int code, String message) {
    this.code = code;
    this.message = message;
  }

  public int code() {
    return code;
  }

  public String message() {
    return message;
  }

  /** This error without data. */
  public RpcException exception() {
    return new RpcException(code, message, null);
  }

  /** This error with {@code data} (any value Jackson can write; a string for limits). */
  public RpcException exception(Object data) {
    return new RpcException(code, message, data);
  }

  /** jsonrpsee's {@code "Exceeded max limit of N"} data, as for every size and count limit. */
  public RpcException exceeded(long limit) {
    return exception("Exceeded max limit of " + limit);
  }
}
