/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import io.basalt.primitives.bytes.Bytes;

/**
 * A change written into the state of a block being built, outside its extrinsics: how a development
 * chain sets storage on request (Chopsticks' {@code dev_setStorage}). Top-trie keys only.
 */
public sealed interface StorageOverride {
  /** The key to write, or the prefix to clear. */
  Bytes key();

  /** Sets {@code key} to {@code value}. */
  record Put(Bytes key, Bytes value) implements StorageOverride {}

  /** Removes {@code key}. */
  record Delete(Bytes key) implements StorageOverride {}

  /** Removes every key starting with {@code key}. */
  record DeletePrefix(Bytes key) implements StorageOverride {}
}
