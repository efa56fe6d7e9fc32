/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

import io.basalt.executor.api.OffchainStorage;
import io.basalt.primitives.bytes.Bytes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An offchain database in memory: one map per storage kind. */
public final class InMemoryOffchainStorage implements OffchainStorage {
  private final Map<Kind, Map<Bytes, Bytes>> values = new HashMap<>();

  private Map<Bytes, Bytes> of(Kind kind) {
    return values.computeIfAbsent(kind, k -> new HashMap<>());
  }

  @Override
  public synchronized void set(Kind kind, Bytes key, Bytes value) {
    of(kind).put(key, value);
  }

  @Override
  public synchronized void clear(Kind kind, Bytes key) {
    of(kind).remove(key);
  }

  @Override
  public synchronized Optional<Bytes> get(Kind kind, Bytes key) {
    return Optional.ofNullable(of(kind).get(key));
  }

  @Override
  public synchronized boolean compareAndSet(
      Kind kind, Bytes key, Optional<Bytes> expected, Bytes newValue) {
    if (!Optional.ofNullable(of(kind).get(key)).equals(expected)) {
      return false;
    }
    of(kind).put(key, newValue);
    return true;
  }
}
