/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import io.basalt.node.metadata.RuntimeMetadata;
import io.basalt.primitives.bytes.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inherent identifiers of well-known FRAME pallets that refuse a block without their inherent,
 * by pallet name. A runtime names a missing inherent itself only when its pallet says the inherent
 * is required ({@code BlockBuilder_check_inherents}); the relay chain's {@code ParaInherent} does
 * not (it panics when the block is finalized), so the node recognises it from the runtime's
 * metadata.
 */
final class KnownInherents {
  private static final Map<String, Bytes> BY_PALLET =
      Map.of(
          "Timestamp", InherentData.TIMESTAMP,
          "ParaInherent", RuntimeInherents.PARACHAINS,
          "ParasInherent", RuntimeInherents.PARACHAINS,
          "ParachainSystem", InherentData.identifier("sysi1337"));

  private KnownInherents() {}

  /** The identifiers the runtime's pallets call for, in pallet order. */
  static List<Bytes> expectedBy(RuntimeMetadata metadata) {
    List<Bytes> out = new ArrayList<>();
    for (RuntimeMetadata.Pallet pallet : metadata.pallets()) {
      Bytes id = BY_PALLET.get(pallet.name());
      if (id != null && !out.contains(id)) {
        out.add(id);
      }
    }
    return out;
  }

  /** The first identifier the runtime's pallets call for that {@code provided} lacks. */
  static Optional<Bytes> firstMissing(RuntimeMetadata metadata, InherentData provided) {
    return expectedBy(metadata).stream()
        .filter(id -> !provided.values().containsKey(id))
        .findFirst();
  }
}
