/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata;

import java.util.Optional;

/**
 * A generic parameter of a type, e.g. {@code T} of {@code Option<T>}.
 *
 * @param name the parameter name
 * @param type the key of the concrete type; empty when scale-info skips it (e.g. {@code T: Config})
 */
public record TypeParam(String name, Optional<String> type) {
  public static TypeParam of(String name, String type) {
    return new TypeParam(name, Optional.of(type));
  }

  public static TypeParam skipped(String name) {
    return new TypeParam(name, Optional.empty());
  }
}
