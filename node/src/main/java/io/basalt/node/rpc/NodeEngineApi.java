/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import io.basalt.node.authoring.CreatedBlock;
import io.basalt.node.authoring.DevSealer;
import io.basalt.node.authoring.SealingException;
import io.basalt.node.chain.Blockchain;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.rpc.api.EngineApi;
import io.basalt.rpc.api.ManualSealError;
import io.basalt.rpc.dispatch.RpcException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code engine_*} over the node's {@link DevSealer}, with sc-consensus-manual-seal's codes and
 * texts. Unlike manual seal, whose {@code engine_finalizeBlock} answers {@code true} even when
 * finalization fails (it drops the error), a failed finalization is an error answer here.
 */
public final class NodeEngineApi implements EngineApi {
  private final Blockchain chain;
  private final DevSealer sealer;

  public NodeEngineApi(Blockchain chain, DevSealer sealer) {
    this.chain = chain;
    this.sealer = sealer;
  }

  @Override
  public io.basalt.rpc.api.CreatedBlock createBlock(
      boolean createEmpty, boolean finalize, Optional<Hash256> parentHash) {
    CreatedBlock created = await(sealer.createBlock(createEmpty, finalize, parentHash));
    return io.basalt.rpc.api.CreatedBlock.imported(created.hash(), created.isNewBest());
  }

  @Override
  public boolean finalizeBlock(Hash256 hash, Optional<Bytes> justification) {
    if (!chain.contains(hash)) {
      throw ManualSealError.BLOCKCHAIN_ERROR.exception(
          "Finalization Error: UnknownBlock: Header was not found in the database: " + hash);
    }
    return await(sealer.finalizeBlock(hash, justification));
  }

  /** The future's value, or manual seal's error for its failure. */
  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof SealingException sealing) {
        throw error(sealing);
      }
      throw e;
    }
  }

  private static RpcException error(SealingException e) {
    return switch (e.reason()) {
      case EMPTY_TRANSACTION_POOL ->
          ManualSealError.EMPTY_TRANSACTION_POOL.exception(e.getMessage());
      case BLOCK_NOT_FOUND -> ManualSealError.BLOCK_NOT_FOUND.exception(e.getMessage());
      case BLOCK_IMPORT_FAILED ->
          ManualSealError.BLOCK_IMPORT_FAILED.exception("Block import failed: " + e.getMessage());
      case PROPOSAL_FAILED, NO_AUTHORITY_KEY ->
          ManualSealError.UNKNOWN_ERROR.exception(e.getMessage());
      case FINALIZATION_FAILED ->
          ManualSealError.BLOCKCHAIN_ERROR.exception(
              "Finalization Error: Potential long-range attack: block not in finalized chain.");
    };
  }
}
