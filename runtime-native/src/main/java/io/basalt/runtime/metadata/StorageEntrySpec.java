/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.hash.StorageHasher;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One storage item of a pallet: a plain value or a single-key map.
 *
 * @param name the item name (the second half of its storage key)
 * @param optional true for FRAME's {@code OptionQuery} (absent reads as None), false for {@code
 *     ValueQuery} (absent reads as {@code defaultValue})
 * @param hasher the map key hasher; empty for a plain value
 * @param keyType the map key type; empty for a plain value
 * @param valueType the value type
 * @param defaultValue the SCALE bytes an absent entry reads as ({@code 0x00} = None when optional)
 * @param docs documentation lines
 */
public record StorageEntrySpec(
    String name,
    boolean optional,
    Optional<StorageHasher> hasher,
    Optional<String> keyType,
    String valueType,
    Bytes defaultValue,
    List<String> docs) {
  public StorageEntrySpec {
    docs = List.copyOf(docs);
    if (hasher.isPresent() != keyType.isPresent()) {
      throw new IllegalArgumentException("a map needs both a hasher and a key type: " + name);
    }
  }

  /** An {@code OptionQuery} plain value. */
  public static StorageEntrySpec optionalValue(String name, String valueType, String doc) {
    return new StorageEntrySpec(
        name, true, Optional.empty(), Optional.empty(), valueType, Bytes.of((byte) 0), docs(doc));
  }

  /** A {@code ValueQuery} plain value. */
  public static StorageEntrySpec value(String name, String valueType, Bytes dflt, String doc) {
    return new StorageEntrySpec(
        name, false, Optional.empty(), Optional.empty(), valueType, dflt, docs(doc));
  }

  /** A {@code ValueQuery} map. */
  public static StorageEntrySpec map(
      String name, StorageHasher hasher, String keyType, String valueType, Bytes dflt, String doc) {
    return new StorageEntrySpec(
        name, false, Optional.of(hasher), Optional.of(keyType), valueType, dflt, docs(doc));
  }

  /** An {@code OptionQuery} map. */
  public static StorageEntrySpec optionalMap(
      String name, StorageHasher hasher, String keyType, String valueType, String doc) {
    return new StorageEntrySpec(
        name,
        true,
        Optional.of(hasher),
        Optional.of(keyType),
        valueType,
        Bytes.of((byte) 0),
        docs(doc));
  }

  private static List<String> docs(String doc) {
    return doc.isEmpty() ? List.of() : List.of(doc);
  }

  /**
   * The storage key of a plain value, or the prefix of every key of a map: {@code
   * twox128(palletPrefix) ++ twox128(name)}.
   */
  public Bytes keyPrefix(String palletPrefix) {
    byte[] a = Hashing.twox128(palletPrefix.getBytes(StandardCharsets.UTF_8));
    byte[] b = Hashing.twox128(name.getBytes(StandardCharsets.UTF_8));
    return Bytes.wrap(a).concat(Bytes.wrap(b));
  }

  /** The storage key of a map entry, given the SCALE encoding of its key. */
  public Bytes mapKey(String palletPrefix, Bytes encodedKey) {
    StorageHasher h =
        hasher.orElseThrow(() -> new IllegalStateException(name + " is a plain value, not a map"));
    return keyPrefix(palletPrefix).concat(Bytes.wrap(h.hash(encodedKey.toArray())));
  }
}
