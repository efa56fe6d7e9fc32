/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.chainspec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7396), as {@code sc-chain-spec} applies a plain spec's {@code patch} to the
 * runtime's default genesis config: objects merge key by key, a {@code null} value removes the key,
 * anything else (arrays included) replaces the target.
 *
 * <pre>{@code
 * JsonNode config = JsonMergePatch.apply(defaultConfig, patch); // neither argument is modified
 * }</pre>
 */
public final class JsonMergePatch {
  private JsonMergePatch() {}

  /** The target with the patch applied; the arguments are not modified. */
  public static JsonNode apply(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result =
        target.isObject() ? ((ObjectNode) target).deepCopy() : ((ObjectNode) patch).objectNode();
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      if (e.getValue().isNull()) {
        result.remove(e.getKey());
      } else {
        JsonNode current = result.get(e.getKey());
        result.set(e.getKey(), apply(current == null ? result.nullNode() : current, e.getValue()));
      }
    }
    return result;
  }
}
