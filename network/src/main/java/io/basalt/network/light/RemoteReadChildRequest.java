/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.light;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.List;
import java.util.Objects;

/**
 * Asks for a proof of child-trie storage values: protobuf {@code RemoteReadChildRequest {block = 2,
 * storage_key = 3, repeated keys = 6}}.
 *
 * @param block the block whose state is read
 * @param storageKey the child trie's key (without the {@code :child_storage:default:} prefix)
 * @param keys the keys inside the child trie
 */
public record RemoteReadChildRequest(Hash256 block, Bytes storageKey, List<Bytes> keys)
    implements LightRequest {
  public RemoteReadChildRequest {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(storageKey, "storageKey");
    keys = List.copyOf(keys);
  }
}
