/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.blockstorage;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.rpc.dispatch.ParamType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One requested storage item as the client wrote it: {@code {"key": "0x…", "type": "value",
 * "paginationStartKey"?: "0x…"}}. Keys stay text here because the groups report bad hex in their
 * own way (an error answer for {@code chainHead_v1_storage}, a {@code storageError} event for
 * {@code archive_v1_storage}), as Substrate does.
 */
public record StorageItem(String key, StorageQueryType type, Optional<String> paginationStartKey) {

  /** A JSON array of items; a missing field or an unknown type does not fit. */
  public static final ParamType<List<StorageItem>> LIST =
      new ParamType<>(
          "an array of {\"key\": hex, \"type\": \"value\"|\"hash\"|"
              + "\"closestDescendantMerkleValue\"|\"descendantsValues\"|\"descendantsHashes\"}",
          StorageItem::parseList);

  private static Optional<List<StorageItem>> parseList(JsonNode node) {
    if (!node.isArray()) {
      return Optional.empty();
    }
    List<StorageItem> items = new ArrayList<>(node.size());
    for (JsonNode item : node) {
      JsonNode key = item.get("key");
      JsonNode type = item.get("type");
      JsonNode start = item.get("paginationStartKey");
      if (!item.isObject()
          || key == null
          || !key.isTextual()
          || type == null
          || !type.isTextual()
          || (start != null && !start.isNull() && !start.isTextual())) {
        return Optional.empty();
      }
      Optional<StorageQueryType> queryType = StorageQueryType.of(type.textValue());
      if (queryType.isEmpty()) {
        return Optional.empty();
      }
      items.add(
          new StorageItem(
              key.textValue(),
              queryType.get(),
              start == null || start.isNull() ? Optional.empty() : Optional.of(start.textValue())));
    }
    return Optional.of(List.copyOf(items));
  }
}
