/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import io.basalt.primitives.bytes.Bytes;
import java.util.Optional;

/**
 * The node's offchain database, PERSISTENT space ({@code offchain_localStorage*}); the fork-aware
 * LOCAL space is not available, as in Substrate, and is refused by the method group.
 */
public interface OffchainApi {
  Optional<Bytes> get(Bytes key);

  void set(Bytes key, Bytes value);

  void clear(Bytes key);
}
