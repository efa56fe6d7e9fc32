/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.grandpa;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.Objects;

/**
 * A signed prevote or precommit as a catch-up carries it ({@code SignedPrevote} / {@code
 * SignedPrecommit}): SCALE {@code hash ‖ number u32 ‖ signature[64] ‖ id[32]}, no kind byte (the
 * list it sits in says which).
 *
 * @param targetHash the voted block
 * @param targetNumber its number
 * @param signature the ed25519 signature
 * @param id the signer's authority id
 */
public record SignedVote(Hash256 targetHash, long targetNumber, Bytes signature, Bytes id) {
  public SignedVote {
    Objects.requireNonNull(targetHash, "targetHash");
    GrandpaCodecs.checkU32(targetNumber);
    GrandpaCodecs.checkSignature(Objects.requireNonNull(signature, "signature"));
    GrandpaCodecs.checkId(Objects.requireNonNull(id, "id"));
  }
}
