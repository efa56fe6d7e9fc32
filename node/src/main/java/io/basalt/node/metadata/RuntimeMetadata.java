/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.metadata;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.hash.StorageHasher;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The parts of a runtime's metadata the node uses: the type registry and each pallet's storage
 * items (frame-metadata {@code RuntimeMetadataV14} and {@code V15}, after the {@code "meta"} magic
 * and version byte). Pallets and items are found by name as polkadot.js decorates them: case and
 * underscores do not matter ({@code "System"}, {@code "system"}; {@code "TotalIssuance"}, {@code
 * "total_issuance"}).
 *
 * @param types the registry, indexed by type id
 * @param pallets the pallets in metadata order
 */
public record RuntimeMetadata(List<MetadataType> types, List<Pallet> pallets) {
  private static final long MAGIC = 0x6174656dL; // "meta", little-endian

  /** scale-info's {@code TypeDefPrimitive} variants, by index. */
  private static final List<MetadataType.Primitive> PRIMITIVES =
      List.of(
          MetadataType.Primitive.BOOL,
          MetadataType.Primitive.CHAR,
          MetadataType.Primitive.STR,
          MetadataType.Primitive.U8,
          MetadataType.Primitive.U16,
          MetadataType.Primitive.U32,
          MetadataType.Primitive.U64,
          MetadataType.Primitive.U128,
          MetadataType.Primitive.U256,
          MetadataType.Primitive.I8,
          MetadataType.Primitive.I16,
          MetadataType.Primitive.I32,
          MetadataType.Primitive.I64,
          MetadataType.Primitive.I128,
          MetadataType.Primitive.I256);

  /** frame-metadata's {@code StorageHasher} variants, by index. */
  private static final List<StorageHasher> HASHERS =
      List.of(
          StorageHasher.BLAKE2_128,
          StorageHasher.BLAKE2_256,
          StorageHasher.BLAKE2_128_CONCAT,
          StorageHasher.TWOX_128,
          StorageHasher.TWOX_256,
          StorageHasher.TWOX_64_CONCAT,
          StorageHasher.IDENTITY);

  public RuntimeMetadata {
    types = List.copyOf(types);
    pallets = List.copyOf(pallets);
  }

  /**
   * A pallet.
   *
   * @param name its name, e.g. {@code "Balances"}
   * @param index its index in calls and events
   * @param storage its storage items (empty without storage)
   * @param eventType its event enum's type, if it has events
   * @param constants its constants, in metadata order
   */
  public record Pallet(
      String name,
      int index,
      List<StorageItem> storage,
      OptionalInt eventType,
      List<Constant> constants) {
    public Pallet {
      storage = List.copyOf(storage);
      constants = List.copyOf(constants);
    }

    /** A pallet without events and constants. */
    public Pallet(String name, int index, List<StorageItem> storage) {
      this(name, index, storage, OptionalInt.empty(), List.of());
    }

    /** A constant by its exact name. */
    public Optional<Constant> constant(String constantName) {
      return constants.stream().filter(c -> c.name().equals(constantName)).findFirst();
    }
  }

  /**
   * A pallet's constant.
   *
   * @param name its name, e.g. {@code "BlockWeights"}
   * @param type its type
   * @param value its SCALE encoding
   */
  public record Constant(String name, int type, Bytes value) {}

  /**
   * A storage item of a pallet.
   *
   * @param prefix the pallet's storage prefix (usually its name)
   * @param name the item's name, e.g. {@code "Account"}
   * @param hashers the map hashers, one per key part; empty for a plain value
   * @param keyType the key's type (a tuple of one type per hasher when there are several); -1 for a
   *     plain value
   * @param valueType the value's type
   */
  public record StorageItem(
      String prefix, String name, List<StorageHasher> hashers, int keyType, int valueType) {
    public StorageItem {
      hashers = List.copyOf(hashers);
    }

    public boolean isMap() {
      return !hashers.isEmpty();
    }

    /** {@code twox128(prefix) ‖ twox128(name)}: the key of a plain value, the prefix of a map. */
    public Bytes prefixKey() {
      return plainKey(prefix, name);
    }

    /** A map entry's key from the SCALE encodings of its key parts, one per hasher. */
    public Bytes entryKey(List<Bytes> encodedParts) {
      if (encodedParts.size() != hashers.size()) {
        throw new IllegalArgumentException(
            prefix
                + "."
                + name
                + " takes "
                + hashers.size()
                + " key(s), not "
                + encodedParts.size());
      }
      Bytes key = prefixKey();
      for (int i = 0; i < hashers.size(); i++) {
        key = key.concat(Bytes.wrap(hashers.get(i).hash(encodedParts.get(i).toArray())));
      }
      return key;
    }
  }

  /** FRAME's key of a plain storage value: {@code twox128(pallet) ‖ twox128(item)}. */
  public static Bytes plainKey(String palletPrefix, String item) {
    return Bytes.wrap(Hashing.twox128(palletPrefix.getBytes(StandardCharsets.UTF_8)))
        .concat(Bytes.wrap(Hashing.twox128(item.getBytes(StandardCharsets.UTF_8))));
  }

  /**
   * Decodes {@code RuntimeMetadataPrefixed} (what {@code Metadata_metadata} returns inside its
   * {@code Vec<u8>}).
   *
   * @throws IllegalArgumentException if it is not V14 or V15 metadata, or does not decode
   */
  public static RuntimeMetadata decode(Bytes prefixed) {
    ScaleReader r = new ScaleReader(prefixed.unsafeArray());
    try {
      long magic = r.readU32AsLong();
      if (magic != MAGIC) {
        throw new IllegalArgumentException("not runtime metadata: no \"meta\" magic");
      }
      int version = r.readU8();
      if (version != 14 && version != 15) {
        throw new IllegalArgumentException(
            "metadata V" + version + " is not supported (V14 and V15 are)");
      }
      List<MetadataType> types = readTypes(r);
      int count = r.readCompactInt();
      List<Pallet> pallets = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        pallets.add(readPallet(r, version));
      }
      return new RuntimeMetadata(types, pallets);
    } catch (ScaleDecodingException e) {
      throw new IllegalArgumentException("the runtime metadata does not decode: " + e.getMessage());
    }
  }

  /** A pallet by name (case and underscores ignored). */
  public Optional<Pallet> pallet(String name) {
    String wanted = normalized(name);
    return pallets.stream().filter(p -> normalized(p.name()).equals(wanted)).findFirst();
  }

  /** A storage item of a pallet by name (case and underscores ignored). */
  public static Optional<StorageItem> item(Pallet pallet, String name) {
    String wanted = normalized(name);
    return pallet.storage().stream().filter(s -> normalized(s.name()).equals(wanted)).findFirst();
  }

  /** The type with this id. */
  public MetadataType type(int id) {
    if (id < 0 || id >= types.size()) {
      throw new IllegalArgumentException("type id " + id + " is not in the registry");
    }
    return types.get(id);
  }

  private static String normalized(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }

  private static List<MetadataType> readTypes(ScaleReader r) {
    int count = r.readCompactInt();
    List<MetadataType> types = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int id = r.readCompactInt();
      if (id != i) {
        throw new IllegalArgumentException("type ids are not in order: " + id + " at " + i);
      }
      List<String> path = readStrings(r);
      int params = r.readCompactInt();
      for (int p = 0; p < params; p++) {
        r.readString();
        if (r.readU8() == 1) {
          r.readCompactInt();
        }
      }
      MetadataType.Def def = readDef(r);
      readStrings(r); // docs
      types.add(new MetadataType(path, def));
    }
    return types;
  }

  private static MetadataType.Def readDef(ScaleReader r) {
    int kind = r.readVariant("TypeDef", 8);
    return switch (kind) {
      case 0 -> new MetadataType.Composite(readFields(r));
      case 1 -> {
        int n = r.readCompactInt();
        List<MetadataType.Variant> variants = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          String name = r.readString();
          List<MetadataType.Field> fields = readFields(r);
          int index = r.readU8();
          readStrings(r);
          variants.add(new MetadataType.Variant(name, fields, index));
        }
        yield new MetadataType.VariantDef(variants);
      }
      case 2 -> new MetadataType.Sequence(r.readCompactInt());
      case 3 -> new MetadataType.Array(r.readU32AsLong(), r.readCompactInt());
      case 4 -> {
        int n = r.readCompactInt();
        List<Integer> elements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          elements.add(r.readCompactInt());
        }
        yield new MetadataType.Tuple(elements);
      }
      case 5 ->
          new MetadataType.PrimitiveDef(
              PRIMITIVES.get(r.readVariant("TypeDefPrimitive", PRIMITIVES.size())));
      case 6 -> new MetadataType.Compact(r.readCompactInt());
      default -> new MetadataType.BitSequence(r.readCompactInt(), r.readCompactInt());
    };
  }

  private static List<MetadataType.Field> readFields(ScaleReader r) {
    int n = r.readCompactInt();
    List<MetadataType.Field> fields = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Optional<String> name = r.readU8() == 1 ? Optional.of(r.readString()) : Optional.empty();
      int type = r.readCompactInt();
      if (r.readU8() == 1) {
        r.readString(); // type name
      }
      readStrings(r);
      fields.add(new MetadataType.Field(name, type));
    }
    return fields;
  }

  private static Pallet readPallet(ScaleReader r, int version) {
    String name = r.readString();
    List<StorageItem> storage = new ArrayList<>();
    if (r.readU8() == 1) {
      String prefix = r.readString();
      int n = r.readCompactInt();
      for (int i = 0; i < n; i++) {
        String item = r.readString();
        r.readVariant("StorageEntryModifier", 2);
        if (r.readVariant("StorageEntryType", 2) == 0) {
          storage.add(new StorageItem(prefix, item, List.of(), -1, r.readCompactInt()));
        } else {
          int hashers = r.readCompactInt();
          List<StorageHasher> list = new ArrayList<>(hashers);
          for (int h = 0; h < hashers; h++) {
            list.add(HASHERS.get(r.readVariant("StorageHasher", HASHERS.size())));
          }
          int key = r.readCompactInt();
          int value = r.readCompactInt();
          storage.add(new StorageItem(prefix, item, list, key, value));
        }
        r.readByteVec(); // default
        readStrings(r);
      }
    }
    skipOptionalType(r); // calls
    OptionalInt event = r.readU8() == 1 ? OptionalInt.of(r.readCompactInt()) : OptionalInt.empty();
    int count = r.readCompactInt();
    List<Constant> constants = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String constantName = r.readString();
      int type = r.readCompactInt();
      Bytes value = r.readByteVec();
      readStrings(r);
      constants.add(new Constant(constantName, type, value));
    }
    skipOptionalType(r); // error
    int index = r.readU8();
    if (version == 15) {
      readStrings(r);
    }
    return new Pallet(name, index, storage, event, constants);
  }

  private static void skipOptionalType(ScaleReader r) {
    if (r.readU8() == 1) {
      r.readCompactInt();
    }
  }

  private static List<String> readStrings(ScaleReader r) {
    int n = r.readCompactInt();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(r.readString());
    }
    return out;
  }
}
