/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.grandpa;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.Objects;

/**
 * A signed vote of any kind ({@code finality_grandpa::SignedMessage}): SCALE {@code kind u8 ‖ hash
 * ‖ number u32 ‖ signature[64] ‖ id[32]}. The signature covers {@link
 * GossipMessage#signingPayload}.
 *
 * @param kind prevote, precommit or primary propose
 * @param targetHash the voted block
 * @param targetNumber its number
 * @param signature the ed25519 signature
 * @param id the signer's authority id
 */
public record SignedMessage(
    VoteKind kind, Hash256 targetHash, long targetNumber, Bytes signature, Bytes id) {
  public SignedMessage {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(targetHash, "targetHash");
    GrandpaCodecs.checkU32(targetNumber);
    GrandpaCodecs.checkSignature(Objects.requireNonNull(signature, "signature"));
    GrandpaCodecs.checkId(Objects.requireNonNull(id, "id"));
  }
}
