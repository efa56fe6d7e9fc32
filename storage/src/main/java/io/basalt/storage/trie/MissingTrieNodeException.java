/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.bytes.Hash256;
import io.basalt.storage.StorageException;

/**
 * A trie node or hashed value that the {@link TrieNodeSource} does not hold. Over a storage proof
 * this means the proof is incomplete; over the node's own store it means the database lacks state
 * (pruned, or damaged), which the caller may treat as {@link StorageException#unrecoverable()}.
 */
public final class MissingTrieNodeException extends StorageException {
  private static final long serialVersionUID = 1L;

  private final transient Hash256 hash;

  public MissingTrieNodeException(Hash256 hash, String context) {
    super("trie node " + hash + " not found (" + context + ")");
    this.hash = hash;
  }

  /** The hash that was looked up. */
  public Hash256 hash() {
    return hash;
  }
}
