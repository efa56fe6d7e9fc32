/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.state;

import io.basalt.primitives.bytes.Hash256;
import io.basalt.rpc.api.RuntimeCallException;
import io.basalt.rpc.api.UnknownBlockException;
import io.basalt.rpc.dispatch.RpcException;

/**
 * sc-rpc-api's state errors ({@code error::base::STATE} = 4000): {@code 4001} an unresolvable block
 * range, {@code 4002} a page count over the maximum, {@code 4003} every client error, worded as
 * Substrate's client words them.
 */
final class StateErrors {
  static final int INVALID_BLOCK_RANGE = 4001;
  static final int INVALID_COUNT = 4002;
  static final int CLIENT = 4003;

  private StateErrors() {}

  /** A storage read or call at a block the node does not have ({@code sp_blockchain}). */
  static RpcException unknownBlock(UnknownBlockException e) {
    return client("UnknownBlock: " + headerNotFound(e.block()));
  }

  /** A runtime API read at a block the node does not have ({@code sp_api::ApiError}). */
  static RpcException apiUnknownBlock(UnknownBlockException e) {
    return client("Api called for an unknown Block: " + headerNotFound(e.block()));
  }

  /** A failed runtime call. */
  static RpcException executionFailed(RuntimeCallException e) {
    return client("Execution failed: " + e.getMessage());
  }

  /** sc-client-db's text for an unknown block. */
  static String headerNotFound(Hash256 block) {
    return "Header was not found in the database: " + block.toHex();
  }

  /** {@code Error::Client}: {@code 4003 "Client error: <reason>"}. */
  static RpcException client(String reason) {
    return new RpcException(CLIENT, "Client error: " + reason, null);
  }

  /**
   * {@code Error::InvalidBlockRange}: {@code "Cannot resolve a block range ['<from>' ... '<to>].
   * <details>"}, where {@code from} and {@code to} are written with Rust's {@code Debug} of a
   * string (in double quotes), as Substrate does.
   */
  static RpcException invalidBlockRange(String from, String to, String details) {
    return new RpcException(
        INVALID_BLOCK_RANGE,
        "Cannot resolve a block range ['\"" + from + "\"' ... '\"" + to + "\"]. " + details,
        null);
  }
}
