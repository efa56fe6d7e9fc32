/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.state;

import com.fasterxml.jackson.annotation.JsonValue;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * sp-core's {@code StorageChangeSet}: {@code {"block": hash, "changes": [[key, value|null]…]}}, the
 * result of {@code state_queryStorage*} and the {@code state_storage} notifications.
 *
 * @param block the block whose state holds the values
 * @param changes the keys with their values there
 */
record StorageChangeSet(Hash256 block, List<Change> changes) {
  StorageChangeSet {
    changes = List.copyOf(changes);
  }

  /**
   * One key and its value ({@code null} when absent), written as a two-element array.
   *
   * @param key the storage key
   * @param value its value, empty if the key has none
   */
  record Change(Bytes key, Optional<Bytes> value) {
    @JsonValue
    List<Object> json() {
      return Arrays.asList(key, value.orElse(null));
    }
  }
}
