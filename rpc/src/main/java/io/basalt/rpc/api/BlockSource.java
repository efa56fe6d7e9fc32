/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.List;
import java.util.Optional;

/**
 * The blocks the node holds, by hash: what {@code chainHead_v1_*} and {@code archive_v1_*} read.
 * Methods may block (storage, runtime); they run on RPC worker or operation threads. A child trie
 * is named by its key in the default namespace, without the {@code :child_storage:default:} prefix.
 */
public interface BlockSource {
  /** The SCALE-encoded header, or empty for an unknown block. */
  Optional<Bytes> header(Hash256 block);

  /**
   * The block's extrinsics, each SCALE-encoded with its compact length prefix (as {@code
   * OpaqueExtrinsic::encode}), or empty for an unknown block or a pruned body.
   */
  Optional<List<Bytes>> body(Hash256 block);

  /**
   * The runtime at a block.
   *
   * @throws BlockQueryException if the block is unknown
   */
  RuntimeDescription runtime(Hash256 block);

  /**
   * Calls a runtime function at a block's state, discarding its changes.
   *
   * @return the function's output
   * @throws BlockQueryException if the block is unknown or the call fails
   */
  Bytes call(Hash256 block, String function, Bytes parameters);

  /**
   * The value under {@code key}.
   *
   * @throws BlockQueryException if the block is unknown or its state cannot be read
   */
  Optional<Bytes> storage(Hash256 block, Optional<Bytes> childTrie, Bytes key);

  /**
   * The entries whose key starts with {@code prefix} and comes after {@code after} (exclusive), in
   * key order, at most {@code limit} of them.
   *
   * @throws BlockQueryException if the block is unknown or its state cannot be read
   */
  List<StorageEntry> storageEntries(
      Hash256 block, Optional<Bytes> childTrie, Bytes prefix, Optional<Bytes> after, int limit);

  /**
   * The Merkle value of the trie node at {@code key} or, if there is none, of its closest
   * descendant (branch nodes included): the node's hash, or its encoding when it is inlined in its
   * parent; empty if no node lies at or below {@code key}.
   *
   * @throws BlockQueryException if the block is unknown or its state cannot be read
   */
  Optional<Bytes> closestDescendantMerkleValue(Hash256 block, Optional<Bytes> childTrie, Bytes key);
}
