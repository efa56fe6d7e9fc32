/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.archive;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.rpc.dispatch.ParamType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One item of {@code archive_v1_storageDiff}: {@code {"key"?: "0x…", "returnType": "value"|"hash",
 * "childTrieKey"?: "0x…"}}, the keys still text (bad hex is reported as {@code storageDiffError}).
 *
 * @param key the prefix of the keys compared; every key when absent
 * @param hashes whether results carry hashes rather than values
 * @param childTrieKey the child trie compared; the main trie when absent
 */
record DiffItem(Optional<String> key, boolean hashes, Optional<String> childTrieKey) {
  /** The whole main trie, with values: what no items means. */
  static final List<DiffItem> ALL =
      List.of(new DiffItem(Optional.empty(), false, Optional.empty()));

  static final ParamType<List<DiffItem>> LIST =
      new ParamType<>(
          "an array of {\"key\"?: hex, \"returnType\": \"value\"|\"hash\", \"childTrieKey\"?: hex}",
          DiffItem::parseList);

  private static Optional<List<DiffItem>> parseList(JsonNode node) {
    if (!node.isArray()) {
      return Optional.empty();
    }
    List<DiffItem> items = new ArrayList<>(node.size());
    for (JsonNode item : node) {
      JsonNode returnType = item.get("returnType");
      if (!item.isObject() || returnType == null || !returnType.isTextual()) {
        return Optional.empty();
      }
      boolean hashes;
      switch (returnType.textValue()) {
        case "value" -> hashes = false;
        case "hash" -> hashes = true;
        default -> {
          return Optional.empty();
        }
      }
      Optional<Optional<String>> key = optionalText(item.get("key"));
      Optional<Optional<String>> child = optionalText(item.get("childTrieKey"));
      if (key.isEmpty() || child.isEmpty()) {
        return Optional.empty();
      }
      items.add(new DiffItem(key.get(), hashes, child.get()));
    }
    return Optional.of(List.copyOf(items));
  }

  /** Absent or null: present and empty; text: present with it; anything else: empty. */
  private static Optional<Optional<String>> optionalText(JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.of(Optional.empty());
    }
    return node.isTextual() ? Optional.of(Optional.of(node.textValue())) : Optional.empty();
  }
}
