/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import io.basalt.primitives.bytes.Bytes;
import java.util.Optional;

/**
 * A record consensus stores beside a block, in the block's own transaction (the {@code aux}
 * column): an epoch announced by a BABE block, a GRANDPA authority set change. An empty value
 * deletes.
 *
 * @param key the record's key, starting with its engine's id (e.g. {@code babe}, {@code FRNK})
 * @param value the SCALE-encoded record, or empty to delete it
 */
public record AuxWrite(Bytes key, Optional<Bytes> value) {
  public static AuxWrite put(Bytes key, Bytes value) {
    return new AuxWrite(key, Optional.of(value));
  }

  public static AuxWrite delete(Bytes key) {
    return new AuxWrite(key, Optional.empty());
  }
}
