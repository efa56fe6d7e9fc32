/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata;

import io.basalt.primitives.scale.ScaleWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigns portable type ids the way scale-info does and encodes the registry.
 *
 * <p>A type gets the next free id when it is first referenced; then its generic parameters and the
 * types of its fields are registered, depth first. Calling {@link #id} in the order frame-metadata
 * walks the metadata therefore yields the same numbering as a FRAME runtime would.
 */
final class PortableRegistry {
  private final TypeCatalog catalog;
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<TypeSpec> byId = new ArrayList<>();

  PortableRegistry(TypeCatalog catalog) {
    this.catalog = catalog;
  }

  /** The id of a type, registering it (and what it refers to) on first use. */
  int id(String key) {
    Integer known = ids.get(key);
    if (known != null) {
      return known;
    }
    TypeSpec spec = catalog.get(key);
    int id = byId.size();
    ids.put(key, id);
    byId.add(spec);
    for (TypeParam param : spec.params()) {
      param.type().ifPresent(this::id);
    }
    for (String ref : spec.def().references()) {
      id(ref);
    }
    return id;
  }

  int size() {
    return byId.size();
  }

  /** Writes {@code PortableRegistry}: {@code Vec<PortableType{id: Compact<u32>, ty: Type}>}. */
  void encode(ScaleWriter w) {
    w.writeCompact(byId.size());
    for (int id = 0; id < byId.size(); id++) {
      TypeSpec spec = byId.get(id);
      w.writeCompact(id);
      writeStrings(w, spec.path());
      w.writeCompact(spec.params().size());
      for (TypeParam p : spec.params()) {
        w.writeString(p.name());
        if (p.type().isPresent()) {
          w.writeU8(1).writeCompact(ids.get(p.type().get()));
        } else {
          w.writeU8(0);
        }
      }
      writeDef(w, spec.def());
      writeStrings(w, spec.docs());
    }
  }

  private void writeDef(ScaleWriter w, TypeDef def) {
    switch (def) {
      case TypeDef.Composite c -> {
        w.writeU8(0);
        writeFields(w, c.fields());
      }
      case TypeDef.Variant v -> {
        w.writeU8(1);
        w.writeCompact(v.variants().size());
        for (VariantDef variant : v.variants()) {
          w.writeString(variant.name());
          writeFields(w, variant.fields());
          w.writeU8(variant.index());
          writeStrings(w, variant.docs());
        }
      }
      case TypeDef.Sequence s -> w.writeU8(2).writeCompact(ids.get(s.element()));
      case TypeDef.Array a -> w.writeU8(3).writeU32(a.length()).writeCompact(ids.get(a.element()));
      case TypeDef.Tuple t -> {
        w.writeU8(4).writeCompact(t.elements().size());
        t.elements().forEach(e -> w.writeCompact(ids.get(e)));
      }
      case TypeDef.Primitive p -> w.writeU8(5).writeU8(p.primitive().index());
      case TypeDef.Compact c -> w.writeU8(6).writeCompact(ids.get(c.inner()));
    }
  }

  private void writeFields(ScaleWriter w, List<Field> fields) {
    w.writeCompact(fields.size());
    for (Field f : fields) {
      writeOptionalString(w, f.name());
      w.writeCompact(ids.get(f.type()));
      writeOptionalString(w, f.typeName());
      writeStrings(w, f.docs());
    }
  }

  private static void writeOptionalString(ScaleWriter w, java.util.Optional<String> s) {
    if (s.isPresent()) {
      w.writeU8(1).writeString(s.get());
    } else {
      w.writeU8(0);
    }
  }

  static void writeStrings(ScaleWriter w, List<String> strings) {
    w.writeCompact(strings.size());
    strings.forEach(w::writeString);
  }
}
