/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The {@code params} of one call, read with typed helpers. Positional params ({@code [a, b]}) are
 * read by index, named params ({@code {"hash": …}}) by name, in lowerCamelCase or snake_case as
 * jsonrpsee's generated servers accept. Absent trailing params and {@code null} read as absent;
 * extra params are ignored. A failure is {@code -32602 Invalid params} naming the param and why:
 * {@code "param 1 (at): expected a 32-byte hex hash, found 12"}.
 */
public final class Params {
  private final JsonNode raw;
  private final boolean denyUnsafe;

  /**
   * Params as the request gave them, on an interface that allows unsafe calls.
   *
   * @param raw an array, an object, or null / JSON null when the request had none
   */
  public Params(JsonNode raw) {
    this(raw, false);
  }

  /**
   * Params as the request gave them.
   *
   * @param raw an array, an object, or null / JSON null when the request had none
   * @param denyUnsafe whether the interface refuses unsafe calls ({@link CallContext#denyUnsafe})
   */
  public Params(JsonNode raw, boolean denyUnsafe) {
    this.raw = raw == null || raw.isNull() || raw.isMissingNode() ? null : raw;
    this.denyUnsafe = denyUnsafe;
  }

  /** No params at all. */
  public static Params none() {
    return new Params(null);
  }

  /**
   * A param that must be present.
   *
   * @throws RpcException {@code -32602} if it is absent, null or not of {@code type}
   */
  public <T> T required(int index, String name, ParamType<T> type) {
    return optional(index, name, type)
        .orElseThrow(() -> RpcException.invalidParams(label(index, name) + " is missing"));
  }

  /**
   * A param that may be absent or {@code null}.
   *
   * @throws RpcException {@code -32602} if it is present but not of {@code type}
   */
  public <T> Optional<T> optional(int index, String name, ParamType<T> type) {
    JsonNode node = find(index, name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    Optional<T> value = type.parse(node);
    if (value.isEmpty()) {
      throw RpcException.invalidParams(
          label(index, name) + ": expected " + type.expected() + ", found " + abbreviate(node));
    }
    return value;
  }

  /**
   * Refuses a call that is unsafe only with some params (sc-rpc-api's {@code check_if_safe}, e.g.
   * {@code state_subscribeStorage} without keys) on an interface that denies unsafe calls.
   *
   * @throws RpcException {@code -32601 RPC call is unsafe to be called externally}
   */
  public void requireUnsafeAllowed() {
    if (denyUnsafe) {
      throw RpcError.UNSAFE_METHOD.exception();
    }
  }

  /** How many positional params were given (0 for named params or none). */
  public int positionalCount() {
    return raw != null && raw.isArray() ? raw.size() : 0;
  }

  private JsonNode find(int index, String name) {
    if (raw == null) {
      return null;
    }
    if (raw.isArray()) {
      return raw.get(index);
    }
    if (raw.isObject()) {
      JsonNode byName = raw.get(name);
      return byName != null ? byName : raw.get(snakeCase(name));
    }
    throw RpcException.invalidParams(
        "params must be an array or an object, found " + abbreviate(raw));
  }

  private static String label(int index, String name) {
    return "param " + index + " (" + name + ")";
  }

  private static String snakeCase(String name) {
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String abbreviate(JsonNode node) {
    String text = node.toString();
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
