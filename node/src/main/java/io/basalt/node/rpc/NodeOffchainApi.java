/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import io.basalt.executor.api.OffchainStorage;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.rpc.api.OffchainApi;
import java.util.Optional;

/**
 * {@code offchain_localStorage*} on the chain database's offchain storage, PERSISTENT space: the
 * values offchain workers and {@code ext_offchain_index_*} see.
 */
public final class NodeOffchainApi implements OffchainApi {
  private final OffchainStorage storage;

  public NodeOffchainApi(OffchainStorage storage) {
    this.storage = storage;
  }

  @Override
  public Optional<Bytes> get(Bytes key) {
    return storage.get(OffchainStorage.Kind.PERSISTENT, key);
  }

  @Override
  public void set(Bytes key, Bytes value) {
    storage.set(OffchainStorage.Kind.PERSISTENT, key, value);
  }

  @Override
  public void clear(Bytes key) {
    storage.clear(OffchainStorage.Kind.PERSISTENT, key);
  }
}
