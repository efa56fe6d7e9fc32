/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import io.basalt.executor.state.StorageChange;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.DigestItem;
import io.basalt.storage.trie.StateCommit;
import java.util.List;
import java.util.Optional;

/**
 * A block this node built, with the state its building produced, imported without executing it
 * again (Substrate imports its own blocks with their storage changes the same way).
 *
 * @param block the block, as it will be announced
 * @param state the trie nodes and root of the block's post-state
 * @param offchainIndex the block's {@code ext_offchain_index_*} writes
 * @param codeWritten the {@code :code} value the block wrote, if it wrote one (a runtime upgrade
 *     when it differs from the parent's)
 */
public record PreparedBlock(
    Block block,
    StateCommit state,
    List<StorageChange> offchainIndex,
    Optional<Bytes> codeWritten) {
  public PreparedBlock {
    offchainIndex = List.copyOf(offchainIndex);
  }

  /**
   * This block with {@code seal} appended to its header: the state stays valid, since a seal is
   * added after execution and the runtime never sees it.
   */
  public PreparedBlock sealedWith(DigestItem.Seal seal) {
    return new PreparedBlock(
        new Block(block.header().withDigestItem(seal), block.extrinsics()),
        state,
        offchainIndex,
        codeWritten);
  }
}
