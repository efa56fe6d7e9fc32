/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.chainhead;

import io.basalt.rpc.dispatch.RpcException;

/**
 * The errors of {@code chainHead_v1_*}: the spec's codes with sc-rpc-spec-v2's messages ({@code
 * chain_head::error}).
 */
final class ChainHeadErrors {
  private ChainHeadErrors() {}

  /** -32800: the connection already has its follow subscriptions. */
  static RpcException reachedLimits() {
    return new RpcException(-32800, "Maximum number of chainHead_follow has been reached", null);
  }

  /** -32801: the block was never reported by the subscription, or was unpinned. */
  static RpcException invalidBlock() {
    return new RpcException(-32801, "Invalid block hash", null);
  }

  /** -32802: {@code chainHead_v1_call} on a subscription without {@code withRuntime}. */
  static RpcException invalidRuntimeCall() {
    return new RpcException(
        -32802,
        "The `chainHead_follow` subscription was started with `withRuntime` set to `false`",
        null);
  }

  /** -32803: {@code chainHead_v1_continue} for an operation that is not waiting. */
  static RpcException invalidContinue() {
    return new RpcException(
        -32803, "Wait for continue event was not generated for the subscription", null);
  }

  /** -32804: {@code chainHead_v1_unpin} with a hash twice. */
  static RpcException duplicateHashes() {
    return new RpcException(
        -32804, "Received duplicate hashes for the `chainHead_unpin` method", null);
  }

  /** -32602 with the bad text, as Substrate reports hex it cannot read. */
  static RpcException invalidParam(String text) {
    return new RpcException(-32602, "Invalid parameter: " + text, null);
  }
}
