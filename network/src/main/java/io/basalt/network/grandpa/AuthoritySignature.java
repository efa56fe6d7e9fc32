/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.grandpa;

import io.basalt.primitives.bytes.Bytes;
import java.util.Objects;

/**
 * One entry of a compact commit's {@code auth_data}: SCALE {@code (signature[64], id[32])}.
 *
 * @param signature the ed25519 signature of the matching precommit
 * @param id the signer's authority id (ed25519 public key)
 */
public record AuthoritySignature(Bytes signature, Bytes id) {
  public AuthoritySignature {
    GrandpaCodecs.checkSignature(Objects.requireNonNull(signature, "signature"));
    GrandpaCodecs.checkId(Objects.requireNonNull(id, "id"));
  }
}
