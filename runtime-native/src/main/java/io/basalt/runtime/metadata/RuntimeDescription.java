/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata;

import io.basalt.primitives.types.RuntimeVersion;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything clients learn about a runtime from its metadata, plus its version: the one description
 * from which the metadata bytes of both runtime implementations are generated.
 *
 * @param version the runtime version ({@code Core_version} and the {@code System.Version} constant)
 * @param types the type catalog
 * @param pallets the pallets in index order; names and indices are unique, as {@code
 *     construct_runtime!} requires
 * @param extrinsic the extrinsic format
 * @param runtimeType the key of the {@code Runtime} type
 * @param apis the runtime APIs
 * @param callEnum the key of the outer call enum
 * @param eventEnum the key of the outer event enum
 * @param errorEnum the key of the outer module-error enum
 */
public record RuntimeDescription(
    RuntimeVersion version,
    TypeCatalog types,
    List<PalletSpec> pallets,
    ExtrinsicSpec extrinsic,
    String runtimeType,
    List<RuntimeApiSpec> apis,
    String callEnum,
    String eventEnum,
    String errorEnum) {
  public RuntimeDescription {
    pallets = List.copyOf(pallets);
    apis = List.copyOf(apis);
    Set<String> names = new HashSet<>();
    Set<Integer> indices = new HashSet<>();
    for (PalletSpec p : pallets) {
      if (!names.add(p.name())) {
        throw new IllegalArgumentException("pallet name " + p.name() + " is used twice");
      }
      if (!indices.add(p.index())) {
        throw new IllegalArgumentException(
            "pallet index " + p.index() + " of " + p.name() + " is used twice");
      }
    }
  }

  /** The pallet with this name. */
  public PalletSpec pallet(String name) {
    return pallets.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no pallet named " + name));
  }
}
