/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.scale.ScaleWriter;

/**
 * Low-level node encoding shared by the codec, the root builder and the persistent trie. Works on
 * nibble arrays (one nibble per byte) and raw child references so that hot paths avoid building
 * {@link TrieNode} objects.
 */
final class NodeEncoding {
  static final int NIBBLE_SIZE_BOUND = 65535;

  static final int HEADER_LEAF = 0x40;
  static final int HEADER_BRANCH_NO_VALUE = 0x80;
  static final int HEADER_BRANCH_WITH_VALUE = 0xc0;
  static final int HEADER_LEAF_HASHED_VALUE = 0x20;
  static final int HEADER_BRANCH_HASHED_VALUE = 0x10;

  /** No value (branches only). */
  static final int VALUE_NONE = 0;

  /** The value bytes are written inline as a SCALE {@code Vec<u8>}. */
  static final int VALUE_INLINE = 1;

  /** The value argument is a 32-byte hash, written raw. */
  static final int VALUE_HASHED = 2;

  private NodeEncoding() {}

  /**
   * Encodes one node.
   *
   * @param nibbles the array holding the partial key
   * @param from first nibble of the partial key
   * @param length number of partial key nibbles
   * @param valueKind one of {@link #VALUE_NONE}, {@link #VALUE_INLINE}, {@link #VALUE_HASHED}
   * @param value the inline value or the 32-byte value hash; ignored for {@link #VALUE_NONE}
   * @param children {@code null} for a leaf; otherwise 16 child references ({@code null} = no
   *     child, 32 bytes = hash, shorter = inline node)
   */
  static byte[] encode(
      byte[] nibbles, int from, int length, int valueKind, byte[] value, byte[][] children) {
    if (length > NIBBLE_SIZE_BOUND) {
      throw new IllegalArgumentException(
          "partial key of " + length + " nibbles exceeds the limit of " + NIBBLE_SIZE_BOUND);
    }
    int estimate = 4 + (length + 1) / 2 + (value == null ? 0 : value.length + 5);
    ScaleWriter w = new ScaleWriter(children == null ? estimate : estimate + 2 + 16 * 33);
    boolean leaf = children == null;
    int prefix;
    int maxInHeader;
    if (leaf) {
      if (valueKind == VALUE_HASHED) {
        prefix = HEADER_LEAF_HASHED_VALUE;
        maxInHeader = 31;
      } else if (valueKind == VALUE_INLINE) {
        prefix = HEADER_LEAF;
        maxInHeader = 63;
      } else {
        throw new IllegalArgumentException("a leaf needs a value");
      }
    } else {
      switch (valueKind) {
        case VALUE_NONE -> {
          prefix = HEADER_BRANCH_NO_VALUE;
          maxInHeader = 63;
        }
        case VALUE_INLINE -> {
          prefix = HEADER_BRANCH_WITH_VALUE;
          maxInHeader = 63;
        }
        case VALUE_HASHED -> {
          prefix = HEADER_BRANCH_HASHED_VALUE;
          maxInHeader = 15;
        }
        default -> throw new IllegalArgumentException("unknown value kind " + valueKind);
      }
    }
    writeHeader(w, prefix, maxInHeader, length);
    writePartialKey(w, nibbles, from, length);
    if (!leaf) {
      int bitmap = 0;
      for (int i = 0; i < 16; i++) {
        if (children[i] != null) {
          bitmap |= 1 << i;
        }
      }
      w.writeU16(bitmap);
    }
    if (valueKind == VALUE_INLINE) {
      w.writeByteVec(value);
    } else if (valueKind == VALUE_HASHED) {
      if (value.length != 32) {
        throw new IllegalArgumentException("a value hash is 32 bytes, got " + value.length);
      }
      w.writeRaw(value);
    }
    if (!leaf) {
      for (int i = 0; i < 16; i++) {
        if (children[i] != null) {
          w.writeByteVec(children[i]);
        }
      }
    }
    return w.toByteArray();
  }

  private static void writeHeader(ScaleWriter w, int prefix, int maxInHeader, int length) {
    if (length < maxInHeader) {
      w.writeU8(prefix | length);
      return;
    }
    w.writeU8(prefix | maxInHeader);
    int remaining = length - maxInHeader;
    while (remaining >= 255) {
      w.writeU8(255);
      remaining -= 255;
    }
    w.writeU8(remaining);
  }

  private static void writePartialKey(ScaleWriter w, byte[] nibbles, int from, int length) {
    int i = from;
    int end = from + length;
    if ((length & 1) != 0) {
      w.writeU8(nibbles[i++]);
    }
    while (i < end) {
      w.writeU8((nibbles[i] << 4) | nibbles[i + 1]);
      i += 2;
    }
  }
}
