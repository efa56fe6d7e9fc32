/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.bytes.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * Storage key conventions for child tries. A default child trie is an ordinary trie (same layout
 * and hasher) whose root is stored in the top trie under {@code :child_storage:default:} followed
 * by the child key; an empty child trie has no entry in the top trie.
 */
public final class ChildTrie {
  /** The prefix reserved for all child trie roots in the top trie: {@code :child_storage:}. */
  public static final Bytes CHILD_STORAGE_PREFIX =
      Bytes.wrap(":child_storage:".getBytes(StandardCharsets.US_ASCII));

  /** The prefix of default child trie roots: {@code :child_storage:default:}. */
  public static final Bytes DEFAULT_PREFIX =
      Bytes.wrap(":child_storage:default:".getBytes(StandardCharsets.US_ASCII));

  private ChildTrie() {}

  /** The top-trie key that holds the root of the default child trie {@code childKey}. */
  public static Bytes defaultRootKey(Bytes childKey) {
    return DEFAULT_PREFIX.concat(childKey);
  }

  /** Whether a top-trie key is reserved for child tries (the host API ignores writes to them). */
  public static boolean isChildStorageKey(Bytes topKey) {
    return topKey.startsWith(CHILD_STORAGE_PREFIX);
  }
}
