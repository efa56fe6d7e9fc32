/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata;

import java.util.List;

/**
 * The shape of a type, as scale-info's {@code TypeDef} describes it. Other types are named by their
 * key in the {@link TypeCatalog}; the registry turns keys into portable ids.
 */
public sealed interface TypeDef {

  /** The keys of the types this definition refers to, in scale-info's registration order. */
  List<String> references();

  /** A struct: named or unnamed fields. */
  record Composite(List<Field> fields) implements TypeDef {
    public Composite {
      fields = List.copyOf(fields);
    }

    @Override
    public List<String> references() {
      return fields.stream().map(Field::type).toList();
    }
  }

  /** An enum: variants with explicit indices; indices and names are unique. */
  record Variant(List<VariantDef> variants) implements TypeDef {
    public Variant {
      variants = List.copyOf(variants);
      long distinctIndices = variants.stream().mapToInt(VariantDef::index).distinct().count();
      if (distinctIndices != variants.size()) {
        throw new IllegalArgumentException("duplicate variant index in " + variants);
      }
      long distinctNames = variants.stream().map(VariantDef::name).distinct().count();
      if (distinctNames != variants.size()) {
        throw new IllegalArgumentException("duplicate variant name in " + variants);
      }
    }

    @Override
    public List<String> references() {
      return variants.stream().flatMap(v -> v.fields().stream()).map(Field::type).toList();
    }
  }

  /** {@code Vec<T>}. */
  record Sequence(String element) implements TypeDef {
    @Override
    public List<String> references() {
      return List.of(element);
    }
  }

  /** {@code [T; n]}. */
  record Array(int length, String element) implements TypeDef {
    @Override
    public List<String> references() {
      return List.of(element);
    }
  }

  /** A tuple; the empty tuple is {@code ()}. */
  record Tuple(List<String> elements) implements TypeDef {
    public Tuple {
      elements = List.copyOf(elements);
    }

    @Override
    public List<String> references() {
      return elements;
    }
  }

  /** A primitive. */
  record Primitive(PrimitiveType primitive) implements TypeDef {
    @Override
    public List<String> references() {
      return List.of();
    }
  }

  /** {@code Compact<T>}. */
  record Compact(String inner) implements TypeDef {
    @Override
    public List<String> references() {
      return List.of(inner);
    }
  }
}
