/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.grandpa;

import io.basalt.primitives.bytes.Hash256;
import java.util.Objects;

/**
 * An unsigned vote target, SCALE {@code hash ‖ number u32} (a {@code Precommit} in a compact
 * commit).
 *
 * @param targetHash the voted block
 * @param targetNumber its number
 */
public record Precommit(Hash256 targetHash, long targetNumber) {
  public Precommit {
    Objects.requireNonNull(targetHash, "targetHash");
    GrandpaCodecs.checkU32(targetNumber);
  }
}
