/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.state;

import io.basalt.primitives.bytes.Bytes;
import java.util.Optional;

/**
 * One change to a trie: a new value, or a deletion when {@code value} is empty.
 *
 * @param key the storage key
 * @param value the new value; empty means the key is deleted
 */
public record StorageChange(Bytes key, Optional<Bytes> value) {
  public static StorageChange set(Bytes key, Bytes value) {
    return new StorageChange(key, Optional.of(value));
  }

  public static StorageChange delete(Bytes key) {
    return new StorageChange(key, Optional.empty());
  }
}
