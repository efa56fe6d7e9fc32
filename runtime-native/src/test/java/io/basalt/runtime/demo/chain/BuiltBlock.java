/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

import io.basalt.executor.state.StorageChange;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.Block;
import java.util.List;

/**
 * A block the harness built.
 *
 * @param block the block (header without seal, inherents first)
 * @param calls every runtime call made to build it, in order
 * @param applyResults the {@code apply_extrinsic} result of each submitted extrinsic, in submission
 *     order (a panic is recorded as an empty result)
 * @param included whether each submitted extrinsic made it into the block
 * @param offchainIndex the offchain-index writes of the block
 */
public record BuiltBlock(
    Block block,
    List<CallRecord> calls,
    List<Bytes> applyResults,
    List<Boolean> included,
    List<StorageChange> offchainIndex) {
  public BuiltBlock {
    calls = List.copyOf(calls);
    applyResults = List.copyOf(applyResults);
    included = List.copyOf(included);
    offchainIndex = List.copyOf(offchainIndex);
  }
}
