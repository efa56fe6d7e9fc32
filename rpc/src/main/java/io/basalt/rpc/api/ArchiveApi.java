/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import io.basalt.primitives.bytes.Hash256;
import java.util.List;

/** What the {@code archive_v1_*} methods ask the node, besides the blocks' data. */
public interface ArchiveApi extends BlockSource {
  /** The hash of the genesis block. */
  Hash256 genesisHash();

  /** The height of the finalized block. */
  long finalizedHeight();

  /**
   * The blocks at a height: the one finalized block at or below the finalized height; above it,
   * every known block at that height on any fork (possibly none).
   */
  List<Hash256> hashesAt(long height);
}
