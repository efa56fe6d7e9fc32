/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.grandpa;

import io.basalt.primitives.bytes.Hash256;
import java.util.List;
import java.util.Objects;

/**
 * The votes that complete a round ({@code finality_grandpa::CatchUp}): SCALE {@code round u64 ‖
 * Vec<SignedPrevote> ‖ Vec<SignedPrecommit> ‖ base_hash ‖ base_number u32}.
 *
 * @param round the round
 * @param prevotes its signed prevotes
 * @param precommits its signed precommits
 * @param baseHash a block every vote target descends from
 * @param baseNumber its number
 */
public record CatchUp(
    long round,
    List<SignedVote> prevotes,
    List<SignedVote> precommits,
    Hash256 baseHash,
    long baseNumber) {
  public CatchUp {
    prevotes = List.copyOf(prevotes);
    precommits = List.copyOf(precommits);
    Objects.requireNonNull(baseHash, "baseHash");
    GrandpaCodecs.checkU32(baseNumber);
  }
}
