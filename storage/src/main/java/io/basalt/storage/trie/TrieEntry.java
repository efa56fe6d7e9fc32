/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.bytes.Bytes;

/**
 * One key/value pair read from a trie.
 *
 * @param key the storage key
 * @param value the value
 */
public record TrieEntry(Bytes key, Bytes value) {}
