/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import java.util.Optional;

/**
 * The JSON-RPC error object Substrate's {@code author_*} methods return for a pool error ({@code
 * sc-rpc-api}'s author errors: base 1000).
 *
 * @param code the error code, e.g. 1010 for an invalid transaction
 * @param message the error message, e.g. "Invalid Transaction"
 * @param data the error's {@code data} string, if any
 */
public record AuthorRpcError(int code, String message, Optional<String> data) {
  /** 1001: the extrinsic does not decode. */
  public static final int BAD_FORMAT = 1001;

  /** 1002: the runtime could not validate the transaction. */
  public static final int VERIFICATION_ERROR = 1002;

  /** 1010: the runtime says the transaction is invalid. */
  public static final int POOL_INVALID_TX = 1010;

  static AuthorRpcError of(int code, String message) {
    return new AuthorRpcError(code, message, Optional.empty());
  }

  static AuthorRpcError of(int code, String message, String data) {
    return new AuthorRpcError(code, message, Optional.of(data));
  }
}
