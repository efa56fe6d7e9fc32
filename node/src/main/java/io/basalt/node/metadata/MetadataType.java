/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.metadata;

import java.util.List;
import java.util.Optional;

/**
 * One type of a metadata type registry (scale-info's {@code Type}).
 *
 * @param path the Rust path, e.g. {@code ["frame_system", "AccountInfo"]}; empty for built-ins
 * @param def its shape
 */
public record MetadataType(List<String> path, Def def) {
  public MetadataType {
    path = List.copyOf(path);
  }

  /** The last path segment, or empty for built-ins. */
  public Optional<String> name() {
    return path.isEmpty() ? Optional.empty() : Optional.of(path.getLast());
  }

  /** A field of a composite or a variant. */
  public record Field(Optional<String> name, int type) {}

  /** A variant of an enum. */
  public record Variant(String name, List<Field> fields, int index) {
    public Variant {
      fields = List.copyOf(fields);
    }
  }

  /** scale-info's primitive types. */
  public enum Primitive {
    BOOL(0, false),
    CHAR(4, false),
    STR(0, false),
    U8(1, false),
    U16(2, false),
    U32(4, false),
    U64(8, false),
    U128(16, false),
    U256(32, false),
    I8(1, true),
    I16(2, true),
    I32(4, true),
    I64(8, true),
    I128(16, true),
    I256(32, true);

    private final int width;
    private final boolean signed;

    Primitive(int width, boolean signed) {
      this.width = width;
      this.signed = signed;
    }

    /** The encoded width of an integer, in bytes. */
    public int width() {
      return width;
    }

    public boolean signed() {
      return signed;
    }

    public boolean isInteger() {
      return this != BOOL && this != CHAR && this != STR;
    }
  }

  /** scale-info's {@code TypeDef}. */
  public sealed interface Def {}

  /** A struct. */
  public record Composite(List<Field> fields) implements Def {
    public Composite {
      fields = List.copyOf(fields);
    }
  }

  /** An enum. */
  public record VariantDef(List<Variant> variants) implements Def {
    public VariantDef {
      variants = List.copyOf(variants);
    }
  }

  /** {@code Vec<T>}. */
  public record Sequence(int element) implements Def {}

  /** {@code [T; N]}. */
  public record Array(long length, int element) implements Def {}

  /** {@code (A, B, …)}. */
  public record Tuple(List<Integer> elements) implements Def {
    public Tuple {
      elements = List.copyOf(elements);
    }
  }

  /** A primitive. */
  public record PrimitiveDef(Primitive primitive) implements Def {}

  /** {@code Compact<T>}. */
  public record Compact(int inner) implements Def {}

  /** {@code BitVec<Store, Order>}. */
  public record BitSequence(int store, int order) implements Def {}
}
