/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.golden;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.rpc.api.CreatedBlock;
import io.basalt.rpc.api.EngineApi;
import io.basalt.rpc.api.ManualSealError;
import java.util.Arrays;
import java.util.Optional;

/**
 * Manual seal as the golden files expect: the pool is empty, the block {@code 0xff…ff} is unknown,
 * a new block on the best block is {@code 0x11…11} (new best), on another parent {@code 0x22…22}
 * (not best).
 */
public final class FakeEngineApi implements EngineApi {
  static final Hash256 UNKNOWN = filled(0xff);

  static Hash256 filled(int b) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) b);
    return Hash256.wrap(bytes);
  }

  @Override
  public CreatedBlock createBlock(
      boolean createEmpty, boolean finalize, Optional<Hash256> parentHash) {
    if (!createEmpty) {
      throw ManualSealError.EMPTY_TRANSACTION_POOL.exception(
          "Transaction pool is empty, set create_empty to true, if you want to create empty"
              + " blocks");
    }
    if (parentHash.equals(Optional.of(UNKNOWN))) {
      throw ManualSealError.BLOCK_NOT_FOUND.exception(
          "Supplied parent_hash: 0xffff…ffff doesn't exist in chain");
    }
    return parentHash.isEmpty()
        ? CreatedBlock.imported(filled(0x11), true)
        : CreatedBlock.imported(filled(0x22), false);
  }

  @Override
  public boolean finalizeBlock(Hash256 hash, Optional<Bytes> justification) {
    if (hash.equals(UNKNOWN)) {
      throw ManualSealError.BLOCKCHAIN_ERROR.exception(
          "Finalization Error: UnknownBlock: Header was not found in the database: " + hash);
    }
    return true;
  }
}
