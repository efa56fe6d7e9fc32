/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.ss58.Ss58;
import io.basalt.primitives.scale.ScaleWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Encodes JSON values as SCALE by a metadata type, accepting what polkadot.js's {@code createType}
 * accepts for storage values: structs as objects (fields by name, in camelCase or snake_case;
 * missing fields take their type's default) or positional arrays; enums as the variant name, {@code
 * {"Variant": fields}} or the index; {@code Option} as {@code null} or the value; integers as JSON
 * numbers, decimal strings or {@code 0x} hex (big-endian) strings; byte arrays and {@code Vec<u8>}
 * as {@code 0x} hex (a {@code Vec<u8>} also as plain text); 32-byte arrays also as SS58 addresses.
 * Unlike polkadot.js, an unknown struct field is an error, not ignored. {@code char} and bit
 * sequences are not supported.
 */
public final class JsonScaleEncoder {
  private static final int MAX_DEPTH = 64;

  private final RuntimeMetadata metadata;

  public JsonScaleEncoder(RuntimeMetadata metadata) {
    this.metadata = metadata;
  }

  /**
   * The SCALE encoding of {@code value} as type {@code type}.
   *
   * @throws IllegalArgumentException naming where in the value and why it does not fit
   */
  public Bytes encode(int type, JsonNode value) {
    ScaleWriter w = new ScaleWriter();
    write(w, type, value, "value", 0);
    return w.toBytes();
  }

  /** The type's default: zeros, empty collections, {@code None}, an enum's first variant. */
  public Bytes zero(int type) {
    ScaleWriter w = new ScaleWriter();
    writeZero(w, type, "value", 0);
    return w.toBytes();
  }

  private void write(ScaleWriter w, int type, JsonNode value, String at, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException(at + ": nested too deeply");
    }
    MetadataType t = metadata.type(type);
    switch (t.def()) {
      case MetadataType.Composite c -> writeComposite(w, c.fields(), value, at, depth);
      case MetadataType.VariantDef v -> writeVariant(w, t, v, value, at, depth);
      case MetadataType.Sequence s -> writeSequence(w, s.element(), value, at, depth);
      case MetadataType.Array a -> writeArray(w, a, value, at, depth);
      case MetadataType.Tuple tuple -> {
        if (tuple.elements().isEmpty() && isNothing(value)) {
          return;
        }
        if (!value.isArray() || value.size() != tuple.elements().size()) {
          throw mismatch(at, "an array of " + tuple.elements().size() + " items", value);
        }
        for (int i = 0; i < value.size(); i++) {
          write(w, tuple.elements().get(i), value.get(i), at + "[" + i + "]", depth + 1);
        }
      }
      case MetadataType.PrimitiveDef p -> writePrimitive(w, p.primitive(), value, at);
      case MetadataType.Compact c -> {
        BigInteger v = integer(compactInner(c.inner(), at), value, at);
        w.writeCompact(v);
      }
      case MetadataType.BitSequence b ->
          throw new IllegalArgumentException(at + ": bit sequences are not supported");
    }
  }

  private void writeComposite(
      ScaleWriter w, List<MetadataType.Field> fields, JsonNode value, String at, int depth) {
    if (fields.isEmpty()) {
      if (!isNothing(value)) {
        throw mismatch(at, "null (a struct without fields)", value);
      }
      return;
    }
    boolean named = fields.getFirst().name().isPresent();
    if (!named && fields.size() == 1) {
      write(w, fields.getFirst().type(), value, at, depth + 1);
      return;
    }
    if (value.isArray()) {
      if (value.size() != fields.size()) {
        throw mismatch(at, "an array of " + fields.size() + " items", value);
      }
      for (int i = 0; i < fields.size(); i++) {
        write(w, fields.get(i).type(), value.get(i), at + "[" + i + "]", depth + 1);
      }
      return;
    }
    if (!named || !value.isObject()) {
      throw mismatch(at, named ? "an object with fields " + names(fields) : "an array", value);
    }
    Set<String> used = new HashSet<>();
    for (MetadataType.Field field : fields) {
      String name = field.name().orElseThrow();
      Optional<Map.Entry<String, JsonNode>> given = find(value, name);
      if (given.isPresent()) {
        used.add(given.get().getKey());
        write(w, field.type(), given.get().getValue(), at + "." + name, depth + 1);
      } else {
        writeZero(w, field.type(), at + "." + name, depth + 1);
      }
    }
    for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!used.contains(key)) {
        throw new IllegalArgumentException(
            at + ": unknown field \"" + key + "\" (fields: " + names(fields) + ")");
      }
    }
  }

  private void writeVariant(
      ScaleWriter w,
      MetadataType type,
      MetadataType.VariantDef def,
      JsonNode value,
      String at,
      int depth) {
    boolean option = type.path().equals(List.of("Option")) && def.variants().size() == 2;
    if (option && value.isNull()) {
      w.writeU8(0);
      return;
    }
    if (option && !(value.isObject() && value.size() == 1 && findVariant(def, first(value)))) {
      MetadataType.Variant some = def.variants().get(1);
      w.writeU8(some.index());
      writeFields(w, some, value, at, depth);
      return;
    }
    MetadataType.Variant chosen;
    JsonNode fields;
    if (value.isTextual()) {
      chosen = variantNamed(def, value.textValue(), at);
      fields = NullNode.getInstance();
    } else if (value.isIntegralNumber()) {
      int index = value.intValue();
      chosen =
          def.variants().stream()
              .filter(v -> v.index() == index)
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException(at + ": no variant " + index));
      fields = NullNode.getInstance();
    } else if (value.isObject() && value.size() == 1) {
      String name = first(value);
      chosen = variantNamed(def, name, at);
      fields = value.get(name);
    } else {
      throw mismatch(at, "one of " + variantNames(def), value);
    }
    w.writeU8(chosen.index());
    writeFields(w, chosen, fields, at + "." + chosen.name(), depth);
  }

  private void writeFields(
      ScaleWriter w, MetadataType.Variant variant, JsonNode value, String at, int depth) {
    writeComposite(w, variant.fields(), value, at, depth);
  }

  private void writeSequence(ScaleWriter w, int element, JsonNode value, String at, int depth) {
    if (isByte(element) && value.isTextual()) {
      String text = value.textValue();
      byte[] bytes = text.startsWith("0x") ? hex(text, at) : text.getBytes(StandardCharsets.UTF_8);
      w.writeByteVec(bytes);
      return;
    }
    if (!value.isArray()) {
      throw mismatch(at, isByte(element) ? "hex bytes or an array" : "an array", value);
    }
    w.writeCompact(value.size());
    for (int i = 0; i < value.size(); i++) {
      write(w, element, value.get(i), at + "[" + i + "]", depth + 1);
    }
  }

  private void writeArray(
      ScaleWriter w, MetadataType.Array array, JsonNode value, String at, int depth) {
    if (isByte(array.element()) && value.isTextual()) {
      String text = value.textValue();
      byte[] bytes;
      if (text.startsWith("0x")) {
        bytes = hex(text, at);
      } else {
        try {
          bytes = Ss58.decode(text, (int) array.length()).payload().toArray();
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              at + ": not " + array.length() + " hex bytes or an SS58 address: " + e.getMessage());
        }
      }
      if (bytes.length != array.length()) {
        throw new IllegalArgumentException(
            at + ": expected " + array.length() + " bytes, found " + bytes.length);
      }
      w.writeRaw(bytes);
      return;
    }
    if (!value.isArray() || value.size() != array.length()) {
      throw mismatch(at, "an array of " + array.length() + " items", value);
    }
    for (int i = 0; i < value.size(); i++) {
      write(w, array.element(), value.get(i), at + "[" + i + "]", depth + 1);
    }
  }

  private static void writePrimitive(
      ScaleWriter w, MetadataType.Primitive p, JsonNode value, String at) {
    switch (p) {
      case BOOL -> {
        if (!value.isBoolean()) {
          throw mismatch(at, "a boolean", value);
        }
        w.writeBool(value.booleanValue());
      }
      case STR -> {
        if (!value.isTextual()) {
          throw mismatch(at, "a string", value);
        }
        w.writeString(value.textValue());
      }
      case CHAR -> throw new IllegalArgumentException(at + ": char values are not supported");
      default -> w.writeRaw(littleEndian(integer(p, value, at), p.width()));
    }
  }

  private void writeZero(ScaleWriter w, int type, String at, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException(at + ": no default: the type nests too deeply");
    }
    switch (metadata.type(type).def()) {
      case MetadataType.Composite c -> {
        for (MetadataType.Field f : c.fields()) {
          writeZero(w, f.type(), at, depth + 1);
        }
      }
      case MetadataType.VariantDef v -> {
        if (v.variants().isEmpty()) {
          throw new IllegalArgumentException(at + ": an enum without variants has no default");
        }
        MetadataType.Variant firstVariant = v.variants().getFirst();
        w.writeU8(firstVariant.index());
        for (MetadataType.Field f : firstVariant.fields()) {
          writeZero(w, f.type(), at, depth + 1);
        }
      }
      case MetadataType.Sequence s -> w.writeCompact(0);
      case MetadataType.Array a -> {
        for (long i = 0; i < a.length(); i++) {
          writeZero(w, a.element(), at, depth + 1);
        }
      }
      case MetadataType.Tuple t -> {
        for (int e : t.elements()) {
          writeZero(w, e, at, depth + 1);
        }
      }
      case MetadataType.PrimitiveDef p -> {
        switch (p.primitive()) {
          case BOOL, STR -> w.writeU8(0);
          default -> w.writeRaw(new byte[p.primitive().width()]);
        }
      }
      case MetadataType.Compact c -> w.writeCompact(0);
      case MetadataType.BitSequence b -> w.writeCompact(0);
    }
  }

  /** The integer primitive under a {@code Compact}, through single-field wrappers. */
  private MetadataType.Primitive compactInner(int type, String at) {
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      switch (metadata.type(type).def()) {
        case MetadataType.PrimitiveDef p when p.primitive().isInteger() -> {
          return p.primitive();
        }
        case MetadataType.Composite c when c.fields().size() == 1 ->
            type = c.fields().get(0).type();
        default -> {
          throw new IllegalArgumentException(at + ": a compact of a non-integer type");
        }
      }
    }
    throw new IllegalArgumentException(at + ": a compact of a non-integer type");
  }

  private static BigInteger integer(MetadataType.Primitive p, JsonNode value, String at) {
    BigInteger v;
    try {
      if (value.isIntegralNumber()) {
        v = value.bigIntegerValue();
      } else if (value.isNumber()) {
        v = value.decimalValue().toBigIntegerExact();
      } else if (value.isTextual() && value.textValue().startsWith("0x")) {
        String digits = value.textValue().substring(2);
        v = digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, 16);
      } else if (value.isTextual()) {
        v = new BigInteger(value.textValue());
      } else {
        throw mismatch(at, "an integer", value);
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw mismatch(at, "an integer", value);
    }
    int bits = p.width() * 8;
    BigInteger min = p.signed() ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
    BigInteger max =
        BigInteger.ONE.shiftLeft(p.signed() ? bits - 1 : bits).subtract(BigInteger.ONE);
    if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          at
              + ": "
              + v
              + " does not fit a "
              + p.name().toLowerCase(Locale.ROOT)
              + " ("
              + min
              + " to "
              + max
              + ")");
    }
    return v;
  }

  private static byte[] littleEndian(BigInteger v, int width) {
    byte[] out = new byte[width];
    BigInteger x = v.signum() < 0 ? v.add(BigInteger.ONE.shiftLeft(width * 8)) : v;
    for (int i = 0; i < width; i++) {
      out[i] = x.shiftRight(8 * i).byteValue();
    }
    return out;
  }

  private boolean isByte(int type) {
    return metadata.type(type).def() instanceof MetadataType.PrimitiveDef(var p)
        && p == MetadataType.Primitive.U8;
  }

  private static byte[] hex(String text, String at) {
    try {
      return Hex.decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + ": " + e.getMessage());
    }
  }

  private static boolean isNothing(JsonNode value) {
    return value.isNull() || (value.isContainerNode() && value.isEmpty());
  }

  private static Optional<Map.Entry<String, JsonNode>> find(JsonNode object, String field) {
    String camel = camelCase(field);
    String loose = loose(field);
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      if (e.getKey().equals(field) || e.getKey().equals(camel) || loose(e.getKey()).equals(loose)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private static boolean findVariant(MetadataType.VariantDef def, String name) {
    return def.variants().stream().anyMatch(v -> loose(v.name()).equals(loose(name)));
  }

  private static MetadataType.Variant variantNamed(
      MetadataType.VariantDef def, String name, String at) {
    return def.variants().stream()
        .filter(v -> loose(v.name()).equals(loose(name)))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    at + ": no variant \"" + name + "\" (variants: " + variantNames(def) + ")"));
  }

  private static String first(JsonNode object) {
    return object.fieldNames().next();
  }

  private static String camelCase(String snake) {
    StringBuilder out = new StringBuilder(snake.length());
    boolean upper = false;
    for (int i = 0; i < snake.length(); i++) {
      char c = snake.charAt(i);
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  private static String loose(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }

  private static String names(List<MetadataType.Field> fields) {
    return String.join(", ", fields.stream().map(f -> f.name().orElse("_")).toList());
  }

  private static String variantNames(MetadataType.VariantDef def) {
    return String.join(", ", def.variants().stream().map(MetadataType.Variant::name).toList());
  }

  private static IllegalArgumentException mismatch(String at, String expected, JsonNode value) {
    String text = value.toString();
    if (text.length() > 60) {
      text = text.substring(0, 57) + "...";
    }
    return new IllegalArgumentException(at + ": expected " + expected + ", found " + text);
  }
}
