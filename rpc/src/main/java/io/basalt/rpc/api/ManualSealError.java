/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import io.basalt.rpc.dispatch.RpcException;

/**
 * sc-consensus-manual-seal's error codes; the message is the error's text, e.g. {@code "Transaction
 * pool is empty, set create_empty to true, if you want to create empty blocks"} or {@code "Supplied
 * parent_hash: 0x1234…abcd doesn't exist in chain"}.
 */
public enum ManualSealError {
  SERVER_SHUTTING_DOWN(10_000),
  BLOCK_IMPORT_FAILED(11_000),
  EMPTY_TRANSACTION_POOL(12_000),
  BLOCK_NOT_FOUND(13_000),
  CONSENSUS_ERROR(14_000),
  INHERENTS_ERROR(15_000),
  BLOCKCHAIN_ERROR(16_000),
  UNKNOWN_ERROR(20_000);

  private final int code;

  ManualSealError(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** This error with its message and no data, as manual seal answers. */
  public RpcException exception(String message) {
    return new RpcException(code, message, null);
  }
}
