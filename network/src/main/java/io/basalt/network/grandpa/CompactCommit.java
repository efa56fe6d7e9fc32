/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.grandpa;

import io.basalt.primitives.bytes.Hash256;
import java.util.List;
import java.util.Objects;

/**
 * A commit with its signatures split out ({@code finality_grandpa::CompactCommit}): SCALE {@code
 * target_hash ‖ target_number u32 ‖ Vec<Precommit> ‖ Vec<(signature, id)>}; the i-th signature
 * belongs to the i-th precommit.
 *
 * @param targetHash the finalized block
 * @param targetNumber its number
 * @param precommits the precommits justifying it
 * @param authData their signatures and signers, in the same order
 */
public record CompactCommit(
    Hash256 targetHash,
    long targetNumber,
    List<Precommit> precommits,
    List<AuthoritySignature> authData) {
  public CompactCommit {
    Objects.requireNonNull(targetHash, "targetHash");
    GrandpaCodecs.checkU32(targetNumber);
    precommits = List.copyOf(precommits);
    authData = List.copyOf(authData);
  }
}
