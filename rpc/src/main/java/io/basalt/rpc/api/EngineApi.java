/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.Optional;

/**
 * What the {@code engine_*} methods ask the node: sc-consensus-manual-seal's {@code ManualSealApi}.
 * Implemented by a node that makes its own blocks; failures are {@link
 * io.basalt.rpc.dispatch.RpcException}s with manual seal's codes and messages ({@link
 * ManualSealError}).
 */
public interface EngineApi {
  /**
   * Makes a block now ({@code engine_createBlock}).
   *
   * @param createEmpty make it even if the pool has no ready transaction
   * @param finalize finalize it at once
   * @param parentHash the block to build on; the best block when empty
   * @throws io.basalt.rpc.dispatch.RpcException {@link ManualSealError#EMPTY_TRANSACTION_POOL},
   *     {@link ManualSealError#BLOCK_NOT_FOUND}, {@link ManualSealError#BLOCK_IMPORT_FAILED} or
   *     {@link ManualSealError#UNKNOWN_ERROR} (the block could not be built)
   */
  CreatedBlock createBlock(boolean createEmpty, boolean finalize, Optional<Hash256> parentHash);

  /**
   * Finalizes a block and its ancestors ({@code engine_finalizeBlock}).
   *
   * @param justification stored with the block under manual seal's engine id, if given
   * @return {@code true}
   * @throws io.basalt.rpc.dispatch.RpcException {@link ManualSealError#BLOCKCHAIN_ERROR} if the
   *     block is unknown or not built on the finalized block
   */
  boolean finalizeBlock(Hash256 hash, Optional<Bytes> justification);
}
