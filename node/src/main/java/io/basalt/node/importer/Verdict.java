/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import io.basalt.primitives.types.Justification;
import java.util.List;
import java.util.Optional;

/** What a {@link BlockVerifier} says of a block. */
public sealed interface Verdict {
  /**
   * The block may be executed and stored.
   *
   * @param aux records to store with the block
   * @param finalizes a verified justification: once the block is stored, it is finalized with it
   */
  record Accepted(List<AuxWrite> aux, Optional<Justification> finalizes) implements Verdict {
    public Accepted {
      aux = List.copyOf(aux);
    }
  }

  /**
   * The block is refused; nothing of it is stored.
   *
   * @param reason one line, e.g. {@code "bad seal: not signed by the slot's author"}
   */
  record Rejected(String reason) implements Verdict {}

  /** Accepted with nothing to store. */
  static Verdict accepted() {
    return new Accepted(List.of(), Optional.empty());
  }

  /** Accepted, storing {@code aux} with the block. */
  static Verdict accepted(List<AuxWrite> aux) {
    return new Accepted(aux, Optional.empty());
  }

  static Verdict rejected(String reason) {
    return new Rejected(reason);
  }
}
