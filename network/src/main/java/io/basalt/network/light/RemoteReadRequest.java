/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.light;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.List;
import java.util.Objects;

/**
 * Asks for a proof of top-trie storage values: protobuf {@code RemoteReadRequest {block = 2,
 * repeated keys = 3}}.
 *
 * @param block the block whose state is read
 * @param keys the storage keys
 */
public record RemoteReadRequest(Hash256 block, List<Bytes> keys) implements LightRequest {
  public RemoteReadRequest {
    Objects.requireNonNull(block, "block");
    keys = List.copyOf(keys);
  }
}
