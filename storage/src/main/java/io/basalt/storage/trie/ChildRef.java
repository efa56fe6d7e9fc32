/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;

/**
 * How a branch refers to a child: by the hash of the child's encoding, or (when that encoding is
 * shorter than 32 bytes) by embedding the encoding itself.
 */
public sealed interface ChildRef {

  /** The bytes written in the parent, inside a SCALE {@code Vec<u8>}. */
  Bytes referenceBytes();

  /**
   * A child embedded in its parent.
   *
   * @param encodedNode the child's node encoding (shorter than 32 bytes in a valid trie; empty in
   *     compact proofs, where it stands for "the next node of the proof")
   */
  record Inline(Bytes encodedNode) implements ChildRef {
    @Override
    public Bytes referenceBytes() {
      return encodedNode;
    }
  }

  /**
   * A child stored separately under the hash of its encoding.
   *
   * @param hash the child's node hash
   */
  record Hashed(Hash256 hash) implements ChildRef {
    @Override
    public Bytes referenceBytes() {
      return Bytes.wrap(hash.unsafeArray());
    }
  }

  /** A reference as written in a parent: 32 bytes are a hash, anything shorter is inline. */
  static ChildRef fromReferenceBytes(byte[] reference) {
    return reference.length == Hash256.LENGTH
        ? new Hashed(Hash256.of(reference))
        : new Inline(Bytes.of(reference));
  }
}
