/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.keystore;

import io.basalt.primitives.bytes.Bytes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A key store that keeps everything in memory: for tests and ephemeral dev nodes. */
public final class InMemoryKeystore extends SecretUriKeystore {
  private final Map<String, String> keys = new ConcurrentSkipListMap<>();

  public InMemoryKeystore() {
    this(Optional.empty());
  }

  /** A key store whose URIs are resolved with the given password. */
  public InMemoryKeystore(Optional<String> password) {
    super(password);
  }

  @Override
  void store(KeyTypeId keyType, Bytes publicKey, String suri) {
    keys.put(FileKeystore.fileName(keyType, publicKey), suri);
  }

  @Override
  Optional<String> load(KeyTypeId keyType, Bytes publicKey) {
    return Optional.ofNullable(keys.get(FileKeystore.fileName(keyType, publicKey)));
  }

  @Override
  List<Bytes> list(KeyTypeId keyType) {
    return keys.keySet().stream()
        .map(name -> FileKeystore.publicKeyOf(keyType, name))
        .flatMap(Optional::stream)
        .toList();
  }

  @Override
  public String toString() {
    return "InMemoryKeystore(" + keys.size() + " keys)";
  }
}
