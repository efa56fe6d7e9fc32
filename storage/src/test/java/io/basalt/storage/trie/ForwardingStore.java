/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.storage.kv.Column;
import io.basalt.storage.kv.KeyValue;
import io.basalt.storage.kv.KeyValueStore;
import io.basalt.storage.kv.WriteBatch;
import java.util.Optional;
import java.util.stream.Stream;

/** A store that delegates everything; tests override single methods. */
class ForwardingStore implements KeyValueStore {
  private final KeyValueStore inner;

  ForwardingStore(KeyValueStore inner) {
    this.inner = inner;
  }

  @Override
  public Optional<Bytes> get(Column column, Bytes key) {
    return inner.get(column, key);
  }

  @Override
  public Stream<KeyValue> range(Column column, Bytes fromInclusive, Optional<Bytes> toExclusive) {
    return inner.range(column, fromInclusive, toExclusive);
  }

  @Override
  public WriteBatch newBatch() {
    return inner.newBatch();
  }

  @Override
  public void close() {
    inner.close();
  }
}
