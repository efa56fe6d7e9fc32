/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import java.math.BigInteger;

/**
 * Decodes SCALE values to JSON by a metadata type, the counterpart of {@link JsonScaleEncoder}:
 * structs with named fields as objects, a struct with one unnamed field as that field's value,
 * other unnamed fields and tuples as arrays; enums as the variant's name when it has no fields,
 * else {@code {"Variant": fields}}; integers as numbers; {@code Vec<u8>} and byte arrays as {@code
 * 0x} hex. Used to read events and weights in reports.
 */
public final class JsonScaleDecoder {
  private static final int MAX_DEPTH = 64;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final RuntimeMetadata metadata;

  public JsonScaleDecoder(RuntimeMetadata metadata) {
    this.metadata = metadata;
  }

  /**
   * Reads one value of {@code type} from {@code r}.
   *
   * @throws IllegalArgumentException if the bytes do not fit the type, or it has a bit sequence
   */
  public JsonNode read(ScaleReader r, int type) {
    try {
      return read(r, type, 0);
    } catch (ScaleDecodingException e) {
      throw new IllegalArgumentException("does not decode: " + e.getMessage(), e);
    }
  }

  /** Decodes a whole value of {@code type}. */
  public JsonNode decode(Bytes encoded, int type) {
    return read(new ScaleReader(encoded.unsafeArray()), type);
  }

  private JsonNode read(ScaleReader r, int type, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("type " + type + " nests too deeply");
    }
    MetadataType t = metadata.type(type);
    return switch (t.def()) {
      case MetadataType.Composite c -> fields(r, c.fields(), depth);
      case MetadataType.VariantDef v -> {
        int index = r.readU8();
        MetadataType.Variant variant =
            v.variants().stream()
                .filter(x -> x.index() == index)
                .findFirst()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "variant index " + index + " of " + t.path() + " is unknown"));
        if (variant.fields().isEmpty()) {
          yield JSON.textNode(variant.name());
        }
        ObjectNode o = JSON.objectNode();
        o.set(variant.name(), fields(r, variant.fields(), depth));
        yield o;
      }
      case MetadataType.Sequence s -> {
        int n = r.readCompactInt();
        if (isU8(s.element())) {
          yield JSON.textNode(Bytes.wrap(r.readRaw(n, "Vec<u8>")).toHex());
        }
        ArrayNode a = JSON.arrayNode();
        for (int i = 0; i < n; i++) {
          a.add(read(r, s.element(), depth + 1));
        }
        yield a;
      }
      case MetadataType.Array a -> {
        if (isU8(a.element())) {
          yield JSON.textNode(Bytes.wrap(r.readRaw((int) a.length(), "[u8; N]")).toHex());
        }
        ArrayNode out = JSON.arrayNode();
        for (long i = 0; i < a.length(); i++) {
          out.add(read(r, a.element(), depth + 1));
        }
        yield out;
      }
      case MetadataType.Tuple tuple -> {
        ArrayNode out = JSON.arrayNode();
        for (int element : tuple.elements()) {
          out.add(read(r, element, depth + 1));
        }
        yield out;
      }
      case MetadataType.PrimitiveDef p -> primitive(r, p.primitive());
      case MetadataType.Compact c -> number(r.readCompact());
      case MetadataType.BitSequence b ->
          throw new IllegalArgumentException("bit sequences are not supported");
    };
  }

  private JsonNode fields(ScaleReader r, java.util.List<MetadataType.Field> fields, int depth) {
    boolean named = !fields.isEmpty() && fields.stream().allMatch(f -> f.name().isPresent());
    if (named) {
      ObjectNode o = JSON.objectNode();
      for (MetadataType.Field f : fields) {
        o.set(f.name().get(), read(r, f.type(), depth + 1));
      }
      return o;
    }
    if (fields.size() == 1) {
      return read(r, fields.getFirst().type(), depth + 1);
    }
    ArrayNode a = JSON.arrayNode();
    for (MetadataType.Field f : fields) {
      a.add(read(r, f.type(), depth + 1));
    }
    return a;
  }

  private boolean isU8(int type) {
    return metadata.type(type).def() instanceof MetadataType.PrimitiveDef(MetadataType.Primitive p)
        && p == MetadataType.Primitive.U8;
  }

  private static JsonNode primitive(ScaleReader r, MetadataType.Primitive p) {
    return switch (p) {
      case BOOL -> JSON.booleanNode(r.readBool());
      case CHAR -> JSON.textNode(Character.toString(r.readI32()));
      case STR -> JSON.textNode(r.readString());
      default -> {
        byte[] le = r.readRaw(p.width(), p.name());
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
          be[i] = le[le.length - 1 - i];
        }
        yield number(p.signed() ? new BigInteger(be) : new BigInteger(1, be));
      }
    };
  }

  private static JsonNode number(BigInteger v) {
    return v.bitLength() < 64 ? JSON.numberNode(v.longValue()) : JSON.numberNode(v);
  }
}
