/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.basalt.primitives.bytes.Hash256;

/**
 * The answer of {@code engine_createBlock} (sc-consensus-manual-seal's {@code CreatedBlock}):
 * {@code {"hash": …, "aux": {…}, "proof_size": 0}}.
 *
 * @param hash the new block's hash
 * @param aux how its import went
 * @param proofSize the size of the storage proof recorded while building it (0: none recorded)
 */
public record CreatedBlock(
    Hash256 hash, ImportedAux aux, @JsonProperty("proof_size") long proofSize) {
  /** A block imported with nothing special about it; {@code isNewBest} as fork choice said. */
  public static CreatedBlock imported(Hash256 hash, boolean isNewBest) {
    return new CreatedBlock(hash, new ImportedAux(false, false, false, false, isNewBest), 0);
  }
}
