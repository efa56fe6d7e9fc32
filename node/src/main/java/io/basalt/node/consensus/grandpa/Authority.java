/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.grandpa;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleCodec;
import java.util.List;

/**
 * A GRANDPA voter: its ed25519 public key and its voting weight, one entry of the {@code
 * AuthorityList} that {@code GrandpaApi_grandpa_authorities} returns and change digests carry
 * ({@code Vec<([u8; 32], u64)>}).
 *
 * @param id the 32-byte ed25519 public key
 * @param weight the voting weight (1 on every Polkadot-family chain)
 */
public record Authority(Bytes id, long weight) {
  public static final ScaleCodec<Authority> CODEC =
      ScaleCodec.of(
          "(AuthorityId, AuthorityWeight)",
          (w, a) -> w.writeRaw(a.id).writeU64(a.weight),
          r -> new Authority(r.readFixed(32), r.readI64()));

  /** {@code AuthorityList}. */
  public static final ScaleCodec<List<Authority>> LIST_CODEC = ScaleCodec.vec(CODEC);

  public Authority {
    if (id.length() != 32) {
      throw new IllegalArgumentException("a GRANDPA authority id is 32 bytes, got " + id.length());
    }
  }
}
