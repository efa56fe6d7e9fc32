/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * What the {@code state_*}, {@code childstate_*} and {@code payment_*} methods ask the node: the
 * state at a block. Substrate's semantics (paging, sizes, hashes, change sets) are the method
 * groups'; the node only reads.
 */
public interface StateApi {
  /**
   * The state after a block.
   *
   * @param block the block; the best block when empty
   * @throws UnknownBlockException if the node does not have the block or its state
   */
  BlockState at(Optional<Hash256> block);

  /**
   * The top-trie keys whose values differ between two blocks' states, with their values in {@code
   * to}'s state (empty: removed), in key order.
   *
   * @throws UnknownBlockException if the node does not have one of the blocks or its state
   */
  NavigableMap<Bytes, Optional<Bytes>> changes(Hash256 from, Hash256 to);
}
