/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.golden;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.rpc.api.OffchainApi;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An offchain database holding {@code 0x01 → 0xaa}. */
public final class FakeOffchain implements OffchainApi {
  private final Map<Bytes, Bytes> values =
      new HashMap<>(Map.of(Bytes.of((byte) 1), Bytes.of((byte) 0xaa)));

  @Override
  public Optional<Bytes> get(Bytes key) {
    return Optional.ofNullable(values.get(key));
  }

  @Override
  public void set(Bytes key, Bytes value) {
    values.put(key, value);
  }

  @Override
  public void clear(Bytes key) {
    values.remove(key);
  }
}
