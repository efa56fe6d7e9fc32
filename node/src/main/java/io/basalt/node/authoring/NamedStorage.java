/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.node.metadata.JsonScaleEncoder;
import io.basalt.node.metadata.MetadataType;
import io.basalt.node.metadata.RuntimeMetadata;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chopsticks' object form of storage values ({@code dev_setStorage}, {@code --import-storage})
 * turned into raw writes with the runtime's metadata: {@code {"Pallet": {"Item": value, "Map":
 * [[keys, value], …], "$removePrefix": ["Map"]}, "0x…key": "0x…value"}}. A value that is {@code 0x}
 * hex is written as it is, {@code null} deletes, anything else is encoded by the item's type
 * ({@link JsonScaleEncoder}). A map's keys are a list with one entry per hasher (a single key may
 * be given bare). A top-level name that is {@code 0x} hex is a raw key, its value hex or {@code
 * null} (in files: {@code dev_setStorage}'s parameter check takes only pallets there, as Chopsticks
 * does). Errors are {@link InvalidStorageValuesException}s with Chopsticks' texts ({@code "Cannot
 * find pallet X"}, {@code "Cannot find storage Y in pallet X"}).
 */
public final class NamedStorage {
  private static final String REMOVE_PREFIX = "$removePrefix";

  private final RuntimeMetadata metadata;
  private final JsonScaleEncoder encoder;

  /** Names resolved with this metadata. */
  public NamedStorage(RuntimeMetadata metadata) {
    this.metadata = metadata;
    this.encoder = new JsonScaleEncoder(metadata);
  }

  /**
   * Names resolved with the metadata of the runtime at {@code block}: V15 where the runtime offers
   * it, else its default.
   *
   * @throws InvalidStorageValuesException if the metadata cannot be read
   */
  public static NamedStorage at(RuntimeCalls calls, Header block) {
    return at(calls, block, Optional.empty());
  }

  /**
   * Names resolved with the metadata of the runtime {@code code} (run at {@code block}'s state), or
   * of {@code block}'s own runtime when empty: how values are read that go into a block which also
   * sets {@code :code}.
   *
   * @throws InvalidStorageValuesException if the metadata cannot be read
   */
  public static NamedStorage at(RuntimeCalls calls, Header block, Optional<Bytes> code) {
    try {
      return new NamedStorage(RuntimeMetadata.decode(metadata(calls, block, code)));
    } catch (RuntimeTrapException
        | InvalidRuntimeCodeException
        | ScaleDecodingException
        | IllegalArgumentException e) {
      throw new InvalidStorageValuesException(
          "cannot read the runtime's metadata: " + e.getMessage());
    }
  }

  private static Bytes metadata(RuntimeCalls calls, Header block, Optional<Bytes> code) {
    boolean v15 =
        code.map(c -> calls.codeFor(block, c))
                .orElseGet(() -> calls.codeAt(block))
                .version()
                .apiVersion("Metadata")
                .orElse(0L)
            >= 2;
    if (v15) {
      ScaleReader r =
          new ScaleReader(
              call(calls, block, code, "Metadata_metadata_at_version", u32(15)).unsafeArray());
      if (r.readU8() == 1) {
        return r.readByteVec();
      }
    }
    return new ScaleReader(call(calls, block, code, "Metadata_metadata", Bytes.EMPTY).unsafeArray())
        .readByteVec();
  }

  private static Bytes u32(int value) {
    return new ScaleWriter(4).writeU32(value).toBytes();
  }

  private static Bytes call(
      RuntimeCalls calls, Header block, Optional<Bytes> code, String method, Bytes input) {
    return code.isPresent()
        ? calls.callWithCode(block, code.get(), method, input)
        : calls.call(block, method, input);
  }

  /**
   * The writes {@code pallets} asks for, in the order given.
   *
   * @throws InvalidStorageValuesException for a name the metadata does not have or a value that
   *     does not fit its item
   */
  public List<StorageOverride> writes(JsonNode pallets) {
    if (!pallets.isObject()) {
      throw new InvalidStorageValuesException(
          "expected an object of pallets (or a list of [key, value] pairs)");
    }
    List<StorageOverride> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> section : pallets.properties()) {
      String palletName = section.getKey();
      if (palletName.startsWith("0x")) {
        out.add(raw(palletName, section.getValue()));
        continue;
      }
      RuntimeMetadata.Pallet pallet =
          metadata
              .pallet(palletName)
              .orElseThrow(
                  () -> new InvalidStorageValuesException("Cannot find pallet " + palletName));
      if (!section.getValue().isObject()) {
        throw new InvalidStorageValuesException(
            pallet.name() + ": expected an object of storage items");
      }
      for (Map.Entry<String, JsonNode> entry : section.getValue().properties()) {
        if (entry.getKey().equals(REMOVE_PREFIX)) {
          if (!entry.getValue().isArray()) {
            throw new InvalidStorageValuesException(
                pallet.name() + "." + REMOVE_PREFIX + ": takes a list of storage names");
          }
          for (JsonNode name : entry.getValue()) {
            out.add(new StorageOverride.DeletePrefix(item(pallet, name.asText()).prefixKey()));
          }
          continue;
        }
        RuntimeMetadata.StorageItem item = item(pallet, entry.getKey());
        String where = pallet.name() + "." + item.name();
        try {
          if (item.isMap()) {
            mapEntries(item, entry.getValue(), out);
          } else {
            out.add(write(item.prefixKey(), item.valueType(), entry.getValue()));
          }
        } catch (IllegalArgumentException e) {
          throw new InvalidStorageValuesException(where + ": " + e.getMessage());
        }
      }
    }
    return out;
  }

  private void mapEntries(
      RuntimeMetadata.StorageItem item, JsonNode entries, List<StorageOverride> out) {
    if (!entries.isArray()) {
      throw new IllegalArgumentException("expected a list of [keys, value] pairs");
    }
    for (int i = 0; i < entries.size(); i++) {
      JsonNode pair = entries.get(i);
      if (!pair.isArray() || pair.size() != 2) {
        throw new IllegalArgumentException("entry " + i + ": expected [keys, value]");
      }
      JsonNode keys = pair.get(0);
      List<Integer> keyTypes = keyTypes(item);
      int given = keys.isArray() ? keys.size() : 1;
      if (given != keyTypes.size()) {
        throw new IllegalArgumentException(
            "entry " + i + ": takes " + keyTypes.size() + " key(s), found " + keys);
      }
      List<Bytes> parts = new ArrayList<>(given);
      for (int k = 0; k < given; k++) {
        parts.add(encoder.encode(keyTypes.get(k), keys.isArray() ? keys.get(k) : keys));
      }
      out.add(write(item.entryKey(parts), item.valueType(), pair.get(1)));
    }
  }

  /** One type per hasher: the key type itself, or the elements of its tuple. */
  private List<Integer> keyTypes(RuntimeMetadata.StorageItem item) {
    if (item.hashers().size() == 1) {
      return List.of(item.keyType());
    }
    if (metadata.type(item.keyType()).def() instanceof MetadataType.Tuple tuple
        && tuple.elements().size() == item.hashers().size()) {
      return tuple.elements();
    }
    throw new IllegalArgumentException("the key type does not match the item's hashers");
  }

  /**
   * A raw key's write: a hex value or {@code null}.
   *
   * @throws InvalidStorageValuesException if either is not hex
   */
  public static StorageOverride raw(String hexKey, JsonNode value) {
    Bytes key = hex(hexKey, "key " + hexKey);
    if (value == null || value.isNull()) {
      return new StorageOverride.Delete(key);
    }
    if (!value.isTextual()) {
      throw new InvalidStorageValuesException(
          hexKey + ": expected a 0x-hex value or null, found " + value);
    }
    return new StorageOverride.Put(key, hex(value.textValue(), hexKey));
  }

  private static Bytes hex(String text, String what) {
    try {
      if (!text.startsWith("0x")) {
        throw new IllegalArgumentException("expected 0x-hex, found \"" + text + "\"");
      }
      return Bytes.wrap(Hex.decode(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidStorageValuesException(what + ": " + e.getMessage());
    }
  }

  private StorageOverride write(Bytes key, int valueType, JsonNode value) {
    if (value.isNull()) {
      return new StorageOverride.Delete(key);
    }
    if (value.isTextual() && value.textValue().startsWith("0x")) {
      return new StorageOverride.Put(key, Bytes.wrap(Hex.decode(value.textValue())));
    }
    return new StorageOverride.Put(key, encoder.encode(valueType, value));
  }

  private static RuntimeMetadata.StorageItem item(RuntimeMetadata.Pallet pallet, String name) {
    return RuntimeMetadata.item(pallet, name)
        .orElseThrow(
            () ->
                new InvalidStorageValuesException(
                    "Cannot find storage " + name + " in pallet " + pallet.name()));
  }
}
