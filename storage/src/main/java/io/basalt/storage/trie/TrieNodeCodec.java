/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.Optional;

/**
 * Encodes and decodes trie nodes in Substrate's format (host API §8): a header whose top bits give
 * the variant and whose low bits (plus continuation bytes) give the partial key length in nibbles,
 * the partial key packed two nibbles per byte, a little-endian children bitmap for branches, the
 * value (inline SCALE {@code Vec<u8>} or a raw 32-byte hash) and the children as SCALE {@code
 * Vec<u8>} references.
 *
 * <p>Decoding is strict: a reserved header, non-zero padding, a branch without children, a child
 * reference longer than 32 bytes, truncated input or trailing bytes all fail with a {@link
 * TrieNodeDecodingException} that names the offset.
 */
public final class TrieNodeCodec {
  private TrieNodeCodec() {}

  /** Encodes a node. */
  public static Bytes encode(TrieNode node) {
    return Bytes.wrap(encodeToArray(node));
  }

  static byte[] encodeToArray(TrieNode node) {
    return switch (node) {
      case TrieNode.Empty e -> new byte[] {0};
      case TrieNode.Leaf leaf -> {
        byte[] nibbles = leaf.partialKey().unsafeArray();
        yield switch (leaf.value()) {
          case NodeValue.Inline inline ->
              NodeEncoding.encode(
                  nibbles,
                  0,
                  nibbles.length,
                  NodeEncoding.VALUE_INLINE,
                  inline.value().unsafeArray(),
                  null);
          case NodeValue.Hashed hashed ->
              NodeEncoding.encode(
                  nibbles,
                  0,
                  nibbles.length,
                  NodeEncoding.VALUE_HASHED,
                  hashed.hash().unsafeArray(),
                  null);
        };
      }
      case TrieNode.Branch branch -> {
        byte[] nibbles = branch.partialKey().unsafeArray();
        byte[][] children = new byte[16][];
        for (int i = 0; i < 16; i++) {
          ChildRef child = branch.childOrNull(i);
          children[i] = child == null ? null : child.referenceBytes().unsafeArray();
        }
        int kind = NodeEncoding.VALUE_NONE;
        byte[] value = null;
        if (branch.value().isPresent()) {
          switch (branch.value().get()) {
            case NodeValue.Inline inline -> {
              kind = NodeEncoding.VALUE_INLINE;
              value = inline.value().unsafeArray();
            }
            case NodeValue.Hashed hashed -> {
              kind = NodeEncoding.VALUE_HASHED;
              value = hashed.hash().unsafeArray();
            }
          }
        }
        yield NodeEncoding.encode(nibbles, 0, nibbles.length, kind, value, children);
      }
    };
  }

  /**
   * Decodes a node.
   *
   * @throws TrieNodeDecodingException if the bytes are not exactly one valid node
   */
  public static TrieNode decode(Bytes encoded) {
    return decode(encoded.unsafeArray());
  }

  /**
   * Decodes a node.
   *
   * @throws TrieNodeDecodingException if the bytes are not exactly one valid node
   */
  public static TrieNode decode(byte[] data) {
    return new Decoder(data).node();
  }

  private static final class Decoder {
    private final byte[] data;
    private int pos;

    Decoder(byte[] data) {
      this.data = data;
    }

    TrieNode node() {
      int first = u8("header");
      TrieNode node;
      if (first == 0x00) {
        node = TrieNode.EMPTY;
      } else if (first == 0x01) {
        throw fail(0, "header 0x01 is reserved (compact proof escape), not a node");
      } else if ((first & 0xc0) == NodeEncoding.HEADER_LEAF) {
        Nibbles partial = partialKey(length(first, 63));
        node = new TrieNode.Leaf(partial, new NodeValue.Inline(byteVec("leaf value")));
      } else if ((first & 0xc0) == NodeEncoding.HEADER_BRANCH_NO_VALUE) {
        node = branch(partialKey(length(first, 63)), false, false);
      } else if ((first & 0xc0) == NodeEncoding.HEADER_BRANCH_WITH_VALUE) {
        node = branch(partialKey(length(first, 63)), true, false);
      } else if ((first & 0xe0) == NodeEncoding.HEADER_LEAF_HASHED_VALUE) {
        Nibbles partial = partialKey(length(first, 31));
        node = new TrieNode.Leaf(partial, new NodeValue.Hashed(hash("leaf value hash")));
      } else if ((first & 0xf0) == NodeEncoding.HEADER_BRANCH_HASHED_VALUE) {
        node = branch(partialKey(length(first, 15)), true, true);
      } else {
        throw fail(0, String.format("unknown node header 0x%02x", first));
      }
      if (pos != data.length) {
        throw fail(pos, (data.length - pos) + " trailing bytes after the node");
      }
      return node;
    }

    private TrieNode.Branch branch(Nibbles partial, boolean hasValue, boolean hashedValue) {
      int bitmapAt = pos;
      int bitmap = u8("children bitmap") | u8("children bitmap") << 8;
      if (bitmap == 0) {
        throw fail(bitmapAt, "branch node without children");
      }
      Optional<NodeValue> value = Optional.empty();
      if (hasValue) {
        value =
            Optional.of(
                hashedValue
                    ? new NodeValue.Hashed(hash("branch value hash"))
                    : new NodeValue.Inline(byteVec("branch value")));
      }
      ChildRef[] children = new ChildRef[16];
      for (int i = 0; i < 16; i++) {
        if ((bitmap & (1 << i)) != 0) {
          int at = pos;
          byte[] ref = byteVec("child " + i).toArray();
          if (ref.length > Hash256.LENGTH) {
            throw fail(at, "child " + i + " reference is " + ref.length + " bytes, at most 32");
          }
          children[i] = ChildRef.fromReferenceBytes(ref);
        }
      }
      return new TrieNode.Branch(partial, value, children);
    }

    private int length(int first, int maxInHeader) {
      int length = first & maxInHeader;
      if (length < maxInHeader) {
        return length;
      }
      while (true) {
        int next = u8("partial key length");
        length += next;
        if (length > NodeEncoding.NIBBLE_SIZE_BOUND) {
          throw fail(pos - 1, "partial key length exceeds " + NodeEncoding.NIBBLE_SIZE_BOUND);
        }
        if (next < 255) {
          return length;
        }
      }
    }

    private Nibbles partialKey(int length) {
      byte[] nibbles = new byte[length];
      int i = 0;
      if ((length & 1) != 0) {
        int at = pos;
        int b = u8("partial key");
        if ((b & 0xf0) != 0) {
          throw fail(at, String.format("partial key padding nibble is not zero (0x%02x)", b));
        }
        nibbles[i++] = (byte) b;
      }
      while (i < length) {
        int b = u8("partial key");
        nibbles[i++] = (byte) (b >> 4);
        nibbles[i++] = (byte) (b & 0x0f);
      }
      return Nibbles.wrap(nibbles);
    }

    private Bytes byteVec(String what) {
      int at = pos;
      long length = compact(what);
      if (length > data.length - pos) {
        throw fail(
            at,
            what + " declares " + length + " bytes but only " + (data.length - pos) + " remain");
      }
      Bytes out = Bytes.wrap(java.util.Arrays.copyOfRange(data, pos, pos + (int) length));
      pos += (int) length;
      return out;
    }

    private Hash256 hash(String what) {
      if (data.length - pos < Hash256.LENGTH) {
        throw fail(pos, what + " needs 32 bytes but only " + (data.length - pos) + " remain");
      }
      Hash256 h = Hash256.wrap(java.util.Arrays.copyOfRange(data, pos, pos + Hash256.LENGTH));
      pos += Hash256.LENGTH;
      return h;
    }

    private long compact(String what) {
      int at = pos;
      int b0 = u8(what + " length");
      return switch (b0 & 3) {
        case 0 -> b0 >>> 2;
        case 1 -> (long) ((b0 | u8(what + " length") << 8) >>> 2);
        case 2 -> {
          long v =
              (b0 & 0xffL)
                  | (long) u8(what + " length") << 8
                  | (long) u8(what + " length") << 16
                  | (long) u8(what + " length") << 24;
          yield v >>> 2;
        }
        default -> throw fail(at, what + " length uses the big-integer compact mode");
      };
    }

    private int u8(String what) {
      if (pos >= data.length) {
        throw fail(pos, "input ends inside the " + what);
      }
      return data[pos++] & 0xff;
    }

    private static TrieNodeDecodingException fail(int offset, String reason) {
      return new TrieNodeDecodingException(offset, reason);
    }
  }
}
