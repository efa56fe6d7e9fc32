/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata;

import io.basalt.primitives.bytes.Bytes;
import java.util.List;

/**
 * A pallet constant: its type and its SCALE-encoded value.
 *
 * @param name the constant name
 * @param type the key of its type
 * @param value the SCALE encoding of the value
 * @param docs documentation lines
 */
public record ConstantSpec(String name, String type, Bytes value, List<String> docs) {
  public ConstantSpec {
    docs = List.copyOf(docs);
  }

  public static ConstantSpec of(String name, String type, Bytes value, String doc) {
    return new ConstantSpec(name, type, value, doc.isEmpty() ? List.of() : List.of(doc));
  }
}
