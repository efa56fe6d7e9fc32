/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded trie node (host API §8). Leaves carry a value; branches carry up to 16 children and
 * optionally a value. The empty node only ever appears as the root of an empty trie.
 */
public sealed interface TrieNode {

  /** The empty trie's root node, encoded as the single byte {@code 0x00}. */
  Empty EMPTY = new Empty();

  /** The empty node. */
  record Empty() implements TrieNode {}

  /**
   * A leaf: the rest of a key and its value.
   *
   * @param partialKey the key nibbles below the parent
   * @param value the value, inline or hashed
   */
  record Leaf(Nibbles partialKey, NodeValue value) implements TrieNode {
    public Leaf {
      Objects.requireNonNull(partialKey, "partialKey");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A branch: a partial key, an optional value and 1 to 16 children indexed by the next nibble.
   *
   * <p>Not a record because the children are an array; it is immutable all the same.
   */
  final class Branch implements TrieNode {
    private final Nibbles partialKey;
    private final Optional<NodeValue> value;
    private final ChildRef[] children;

    /**
     * Builds a branch.
     *
     * @param partialKey the key nibbles below the parent
     * @param value the branch's own value, if any
     * @param children exactly 16 entries, {@code null} where there is no child
     * @throws IllegalArgumentException if there are not 16 slots or no child at all
     */
    public Branch(Nibbles partialKey, Optional<NodeValue> value, ChildRef[] children) {
      if (children.length != 16) {
        throw new IllegalArgumentException("a branch has 16 child slots, got " + children.length);
      }
      if (Arrays.stream(children).allMatch(Objects::isNull)) {
        throw new IllegalArgumentException("a branch needs at least one child");
      }
      this.partialKey = Objects.requireNonNull(partialKey, "partialKey");
      this.value = Objects.requireNonNull(value, "value");
      this.children = children.clone();
    }

    public Nibbles partialKey() {
      return partialKey;
    }

    public Optional<NodeValue> value() {
      return value;
    }

    /** The child at nibble {@code index} (0..15), if any. */
    public Optional<ChildRef> child(int index) {
      return Optional.ofNullable(children[index]);
    }

    ChildRef childOrNull(int index) {
      return children[index];
    }

    /** The children bitmap: bit i is set when there is a child at nibble i. */
    public int bitmap() {
      int bitmap = 0;
      for (int i = 0; i < 16; i++) {
        if (children[i] != null) {
          bitmap |= 1 << i;
        }
      }
      return bitmap;
    }

    /** A copy of the 16 child slots, {@code null} where there is no child. */
    public ChildRef[] children() {
      return children.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Branch b
          && partialKey.equals(b.partialKey)
          && value.equals(b.value)
          && Arrays.equals(children, b.children);
    }

    @Override
    public int hashCode() {
      return Objects.hash(partialKey, value, Arrays.hashCode(children));
    }

    @Override
    public String toString() {
      return "Branch[partialKey="
          + partialKey
          + ", value="
          + value
          + ", bitmap="
          + Integer.toHexString(bitmap())
          + "]";
    }
  }
}
