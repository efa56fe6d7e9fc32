/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.node.authoring.StorageOverride;
import io.basalt.node.metadata.JsonScaleEncoder;
import io.basalt.node.metadata.MetadataType;
import io.basalt.node.metadata.RuntimeMetadata;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.rpc.api.DevApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chopsticks' object form of {@code dev_setStorage} turned into raw writes with the runtime's
 * metadata: {@code {"Pallet": {"Item": value, "Map": [[keys, value], …], "$removePrefix":
 * ["Map"]}}}. A value that is {@code 0x} hex is written as it is, {@code null} deletes, anything
 * else is encoded by the item's type ({@link JsonScaleEncoder}). A map's keys are a list with one
 * entry per hasher (a single key may be given bare). Errors are Chopsticks' texts ({@code "Error:
 * Cannot find pallet X"}, {@code "Error: Cannot find storage Y in pallet X"}) with code 1.
 */
final class NamedStorage {
  private static final String REMOVE_PREFIX = "$removePrefix";

  private final RuntimeMetadata metadata;
  private final JsonScaleEncoder encoder;

  NamedStorage(RuntimeMetadata metadata) {
    this.metadata = metadata;
    this.encoder = new JsonScaleEncoder(metadata);
  }

  /** The writes {@code pallets} asks for, in the order given. */
  List<StorageOverride> writes(JsonNode pallets) {
    List<StorageOverride> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> section : pallets.properties()) {
      String palletName = section.getKey();
      RuntimeMetadata.Pallet pallet =
          metadata
              .pallet(palletName)
              .orElseThrow(() -> DevApi.error("Error: Cannot find pallet " + palletName));
      for (Map.Entry<String, JsonNode> entry : section.getValue().properties()) {
        if (entry.getKey().equals(REMOVE_PREFIX)) {
          if (!entry.getValue().isArray()) {
            throw DevApi.error("Error: " + REMOVE_PREFIX + " takes a list of storage names");
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
          throw DevApi.error("Error: " + where + ": " + e.getMessage());
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
                DevApi.error("Error: Cannot find storage " + name + " in pallet " + pallet.name()));
  }
}
