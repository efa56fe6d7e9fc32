/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata;

import java.util.List;
import java.util.Optional;

/**
 * A field of a struct or of an enum variant.
 *
 * @param name the field name; empty for tuple-like fields
 * @param type the key of the field's type
 * @param typeName the Rust type name as written in the source (clients show it)
 * @param docs documentation lines
 */
public record Field(
    Optional<String> name, String type, Optional<String> typeName, List<String> docs) {
  public Field {
    docs = List.copyOf(docs);
  }

  /** A named field. */
  public static Field named(String name, String type, String typeName) {
    return new Field(Optional.of(name), type, Optional.of(typeName), List.of());
  }

  /** An unnamed field with a type name. */
  public static Field unnamed(String type, String typeName) {
    return new Field(Optional.empty(), type, Optional.of(typeName), List.of());
  }

  /** An unnamed field without a type name (as in {@code Option<T>}). */
  public static Field unnamed(String type) {
    return new Field(Optional.empty(), type, Optional.empty(), List.of());
  }
}
