/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The types of a runtime description, by key. Keys are free-form names ({@code "AccountInfo"},
 * {@code "Vec<u8>"}); only types reachable from the metadata end up in the encoded registry.
 *
 * <pre>{@code
 * TypeCatalog types = new TypeCatalog();
 * types.array("[u8; 32]", 32, "u8");
 * types.composite("AccountId32", "sp_core::crypto::AccountId32", Field.unnamed("[u8; 32]", "[u8; 32]"));
 * }</pre>
 */
public final class TypeCatalog {
  private final Map<String, TypeSpec> types = new LinkedHashMap<>();

  /**
   * A catalog that already holds the primitives under their Rust names ({@code u8}, {@code str}).
   */
  public TypeCatalog() {
    for (PrimitiveType p : PrimitiveType.values()) {
      String key = p == PrimitiveType.STR ? "str" : p.name().toLowerCase(java.util.Locale.ROOT);
      add(new TypeSpec(key, List.of(), List.of(), new TypeDef.Primitive(p), List.of()));
    }
  }

  /** Adds a type; its key must be new. */
  public TypeCatalog add(TypeSpec spec) {
    if (types.putIfAbsent(spec.key(), spec) != null) {
      throw new IllegalArgumentException("type key defined twice: " + spec.key());
    }
    return this;
  }

  /** The type with this key. */
  public TypeSpec get(String key) {
    TypeSpec spec = types.get(key);
    if (spec == null) {
      throw new IllegalArgumentException("no type with key '" + key + "' in the description");
    }
    return spec;
  }

  public boolean contains(String key) {
    return types.containsKey(key);
  }

  /** All types, in definition order. */
  public Map<String, TypeSpec> all() {
    return Collections.unmodifiableMap(types);
  }

  /** Splits a Rust path {@code a::b::C} into segments. */
  static List<String> path(String rustPath) {
    return rustPath.isEmpty() ? List.of() : Arrays.asList(rustPath.split("::"));
  }

  public TypeCatalog composite(
      String key, String rustPath, List<TypeParam> params, Field... fields) {
    return add(
        new TypeSpec(
            key, path(rustPath), params, new TypeDef.Composite(List.of(fields)), List.of()));
  }

  public TypeCatalog composite(String key, String rustPath, Field... fields) {
    return composite(key, rustPath, List.of(), fields);
  }

  public TypeCatalog variant(
      String key, String rustPath, List<TypeParam> params, VariantDef... variants) {
    return add(
        new TypeSpec(
            key, path(rustPath), params, new TypeDef.Variant(List.of(variants)), List.of()));
  }

  public TypeCatalog variant(String key, String rustPath, VariantDef... variants) {
    return variant(key, rustPath, List.of(), variants);
  }

  /** A fieldless enum whose variants are numbered 0, 1, 2, ... in the given order. */
  public TypeCatalog simpleEnum(String key, String rustPath, String... names) {
    VariantDef[] variants = new VariantDef[names.length];
    for (int i = 0; i < names.length; i++) {
      variants[i] = VariantDef.variant(i, names[i], "");
    }
    return variant(key, rustPath, variants);
  }

  public TypeCatalog sequence(String key, String element) {
    return add(new TypeSpec(key, List.of(), List.of(), new TypeDef.Sequence(element), List.of()));
  }

  public TypeCatalog array(String key, int length, String element) {
    return add(
        new TypeSpec(key, List.of(), List.of(), new TypeDef.Array(length, element), List.of()));
  }

  public TypeCatalog tuple(String key, String... elements) {
    return add(
        new TypeSpec(key, List.of(), List.of(), new TypeDef.Tuple(List.of(elements)), List.of()));
  }

  public TypeCatalog compact(String key, String inner) {
    return add(new TypeSpec(key, List.of(), List.of(), new TypeDef.Compact(inner), List.of()));
  }

  /** {@code Option<T>}: variants None = 0, Some(T) = 1. */
  public TypeCatalog option(String key, String inner) {
    return variant(
        key,
        "Option",
        List.of(TypeParam.of("T", inner)),
        VariantDef.variant(0, "None", ""),
        VariantDef.variant(1, "Some", "", Field.unnamed(inner)));
  }

  /** {@code Result<T, E>}: variants Ok(T) = 0, Err(E) = 1. */
  public TypeCatalog result(String key, String ok, String err) {
    return variant(
        key,
        "Result",
        List.of(TypeParam.of("T", ok), TypeParam.of("E", err)),
        VariantDef.variant(0, "Ok", "", Field.unnamed(ok)),
        VariantDef.variant(1, "Err", "", Field.unnamed(err)));
  }

  /** A type parameter list where every parameter is skipped (FRAME's {@code T: Config}). */
  public static List<TypeParam> skipped(String... names) {
    return Arrays.stream(names).map(TypeParam::skipped).toList();
  }
}
