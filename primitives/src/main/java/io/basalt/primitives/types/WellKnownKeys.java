/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.types;

import io.basalt.primitives.bytes.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * The storage keys with a meaning fixed by the host, not by a pallet (sp-core's {@code
 * well_known_keys}): the runtime code, its heap size, the extrinsic being applied, the block's
 * entropy, and the prefixes under which child-trie roots live in the top trie.
 *
 * <pre>{@code
 * Optional<Bytes> code = state.get(WellKnownKeys.CODE);
 * Bytes rootKey = WellKnownKeys.defaultChildRootKey(childKey); // :child_storage:default:<key>
 * }</pre>
 */
public final class WellKnownKeys {
  /** {@code :code}: the Wasm runtime. */
  public static final Bytes CODE = ascii(":code");

  /** {@code :heappages}: extra Wasm heap pages (u64 LE) on top of the module's initial memory. */
  public static final Bytes HEAP_PAGES = ascii(":heappages");

  /** {@code :extrinsic_index}: the index of the extrinsic being applied (u32). */
  public static final Bytes EXTRINSIC_INDEX = ascii(":extrinsic_index");

  /** {@code :intrablock_entropy}: 32 bytes of entropy for the block being built or executed. */
  public static final Bytes INTRABLOCK_ENTROPY = ascii(":intrablock_entropy");

  /** {@code :child_storage:}: the prefix reserved for every child trie root in the top trie. */
  public static final Bytes CHILD_STORAGE_PREFIX = ascii(":child_storage:");

  /** {@code :child_storage:default:}: the prefix of default child trie roots. */
  public static final Bytes DEFAULT_CHILD_STORAGE_PREFIX = ascii(":child_storage:default:");

  private WellKnownKeys() {}

  /** The top-trie key that holds the root of the default child trie {@code childKey}. */
  public static Bytes defaultChildRootKey(Bytes childKey) {
    return DEFAULT_CHILD_STORAGE_PREFIX.concat(childKey);
  }

  /** Whether a top-trie key is reserved for child tries (the host API refuses writes to them). */
  public static boolean isChildStorageKey(Bytes topKey) {
    return topKey.startsWith(CHILD_STORAGE_PREFIX);
  }

  private static Bytes ascii(String key) {
    return Bytes.wrap(key.getBytes(StandardCharsets.US_ASCII));
  }
}
