/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.babe;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleCodec;

/**
 * An authority of a BABE epoch: its sr25519 public key and its weight, SCALE {@code (AuthorityId,
 * u64)}.
 *
 * @param publicKey the 32-byte sr25519 public key
 * @param weight its weight in the primary threshold
 */
public record BabeAuthority(Bytes publicKey, long weight) {
  public static final ScaleCodec<BabeAuthority> CODEC =
      ScaleCodec.of(
          "BabeAuthority",
          (w, a) -> w.writeRaw(a.publicKey).writeU64(a.weight),
          r -> new BabeAuthority(r.readFixed(32), r.readI64()));

  public BabeAuthority {
    if (publicKey.length() != 32) {
      throw new IllegalArgumentException(
          "a BABE authority key is 32 bytes, got " + publicKey.length());
    }
  }
}
