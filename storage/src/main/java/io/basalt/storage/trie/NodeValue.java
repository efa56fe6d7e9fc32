/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;

/**
 * The value stored in a trie node: either inline in the node, or (layout V1, values of 33 bytes or
 * more) the hash of a separately stored value.
 */
public sealed interface NodeValue {

  /**
   * A value encoded in the node as a SCALE {@code Vec<u8>}.
   *
   * @param value the value bytes
   */
  record Inline(Bytes value) implements NodeValue {}

  /**
   * A value stored outside the node under its hash (header variants {@code 001} and {@code 0001}).
   *
   * @param hash the hash of the value, with the trie's hasher
   */
  record Hashed(Hash256 hash) implements NodeValue {}
}
