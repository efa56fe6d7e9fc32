/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.blockstorage;

import io.basalt.primitives.bytes.Bytes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Some of the descendants of a key.
 *
 * @param items result items in key order ({@code {"key", "value"|"hash"}})
 * @param resumeAfter the last key read, when more keys follow it
 */
public record StoragePage(List<Map<String, Object>> items, Optional<Bytes> resumeAfter) {
  public StoragePage {
    items = List.copyOf(items);
  }
}
