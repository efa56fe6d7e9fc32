/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata;

import java.util.List;

/**
 * One variant of an enum: a call, an event, an error or a plain enum case.
 *
 * @param name the variant name
 * @param fields its fields
 * @param index the SCALE index byte
 * @param docs documentation lines
 */
public record VariantDef(String name, List<Field> fields, int index, List<String> docs) {
  public VariantDef {
    fields = List.copyOf(fields);
    docs = List.copyOf(docs);
    if (index < 0 || index > 255) {
      throw new IllegalArgumentException("variant index must fit a u8: " + name + " " + index);
    }
  }

  /** A variant with fields and one line of documentation (none when {@code doc} is empty). */
  public static VariantDef variant(int index, String name, String doc, Field... fields) {
    return new VariantDef(name, List.of(fields), index, doc.isEmpty() ? List.of() : List.of(doc));
  }
}
