/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata;

import java.util.List;

/**
 * A type of the description: its key, its Rust path (clients such as polkadot.js recognise
 * well-known types by path), its generic parameters and its shape.
 *
 * @param key the name other types use to refer to it
 * @param path the Rust path segments; empty for anonymous types (primitives, tuples, ...)
 * @param params the generic parameters
 * @param def the shape
 * @param docs documentation lines
 */
public record TypeSpec(
    String key, List<String> path, List<TypeParam> params, TypeDef def, List<String> docs) {
  public TypeSpec {
    path = List.copyOf(path);
    params = List.copyOf(params);
    docs = List.copyOf(docs);
  }
}
