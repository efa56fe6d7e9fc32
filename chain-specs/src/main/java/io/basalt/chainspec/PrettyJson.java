/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.chainspec;

import io.basalt.primitives.json.JsonString;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes plain Java values as JSON in serde_json's pretty style (two-space indent, {@code "k": v},
 * one array element per line, {@code []}/{@code {}} when empty), the style of Substrate's {@code
 * build-spec} output.
 */
final class PrettyJson {
  private final StringBuilder out;
  private int depth;

  PrettyJson(StringBuilder out) {
    this.out = out;
  }

  /** Writes any supported value: Map, List, String, Number, Boolean or null. */
  void value(Object v) {
    switch (v) {
      case null -> out.append("null");
      case String s -> out.append(JsonString.encode(s));
      case Boolean b -> out.append(b);
      case Number n -> out.append(n);
      case Map<?, ?> m -> object(m);
      case List<?> l -> array(l);
      default -> throw new IllegalArgumentException("not a JSON value: " + v.getClass());
    }
  }

  private void object(Map<?, ?> map) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    depth++;
    Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<?, ?> e = it.next();
      newline();
      out.append(JsonString.encode(String.valueOf(e.getKey())));
      out.append(": ");
      value(e.getValue());
      if (it.hasNext()) {
        out.append(',');
      }
    }
    depth--;
    newline();
    out.append('}');
  }

  private void array(List<?> list) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    depth++;
    for (int i = 0; i < list.size(); i++) {
      newline();
      value(list.get(i));
      if (i + 1 < list.size()) {
        out.append(',');
      }
    }
    depth--;
    newline();
    out.append(']');
  }

  private void newline() {
    out.append('\n');
    for (int i = 0; i < depth; i++) {
      out.append("  ");
    }
  }
}
