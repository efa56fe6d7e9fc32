/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.rpc.dispatch.RpcException;
import java.util.List;
import java.util.Optional;

/**
 * What Chopsticks' {@code dev_*} methods ask the node (a development chain that makes its own
 * blocks). The {@code dev} group keeps Chopsticks' parameter rules (counts, relative block numbers,
 * dates) and asks this for the chain's part. Failures are {@link RpcException}s with Chopsticks'
 * code 1 ({@link #error}).
 */
public interface DevApi {
  /** Chopsticks' {@code ResponseError}: code 1 and its message. */
  static RpcException error(String message) {
    return new RpcException(1, message, null);
  }

  /** The best block's number. */
  long bestNumber();

  /** The best chain's block at a height, if there is one. */
  Optional<Hash256> blockHash(long number);

  /**
   * Makes one block on the best block, empty or not, finalized as the node's own blocks are.
   *
   * @param extrinsics extrinsics (as submitted, with their length prefix) to put in it instead of
   *     the pool's ready transactions; those the runtime refuses are left out
   * @return its hash
   * @throws RpcException code 1 if it cannot be built
   */
  Hash256 newBlock(Optional<List<Bytes>> extrinsics);

  /**
   * Sets storage: a new block on {@code at} whose state has the values.
   *
   * @param at the block to build on; the best block when empty
   * @return the new block's hash
   * @throws RpcException code 1 for an unknown block, pallet or item, or a value that does not
   *     encode
   */
  Hash256 setStorage(StorageValues values, Optional<Hash256> at);

  /** Makes {@code unixMillis} the next block's time; later blocks go on from there. */
  void timeTravel(long unixMillis);

  /**
   * Makes a known block the best block; the next block is built on it.
   *
   * @return whether the block is known (nothing changes when it is not)
   */
  boolean setHead(Hash256 hash);

  /** Makes blocks in {@code mode} from now on. */
  void setBlockBuildMode(BuildBlockMode mode);
}
