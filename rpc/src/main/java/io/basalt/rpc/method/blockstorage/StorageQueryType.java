/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.blockstorage;

import java.util.Optional;

/** What a storage item asks for ({@code "type"} of {@code chainHead_v1_storage} items). */
public enum StorageQueryType {
  VALUE("value"),
  HASH("hash"),
  CLOSEST_DESCENDANT_MERKLE_VALUE("closestDescendantMerkleValue"),
  DESCENDANTS_VALUES("descendantsValues"),
  DESCENDANTS_HASHES("descendantsHashes");

  private final String wireName;

  StorageQueryType(String wireName) {
    this.wireName = wireName;
  }

  /** The name in JSON, e.g. {@code "descendantsValues"}. */
  public String wireName() {
    return wireName;
  }

  /** Whether it asks for every key under the item's key. */
  public boolean descendants() {
    return this == DESCENDANTS_VALUES || this == DESCENDANTS_HASHES;
  }

  /** Whether results carry hashes of the values rather than the values. */
  public boolean hashes() {
    return this == HASH || this == DESCENDANTS_HASHES;
  }

  /** The type with this JSON name. */
  public static Optional<StorageQueryType> of(String wireName) {
    for (StorageQueryType type : values()) {
      if (type.wireName.equals(wireName)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
