/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.DigestItem;
import java.util.List;

/**
 * A local key's right to author the block of a slot.
 *
 * @param slot the slot
 * @param preDigest the digest items the block starts with (the engine's pre-runtime digest)
 * @param authority the public key of the claiming authority, whose keystore key seals the block
 */
public record SlotClaim(long slot, List<DigestItem> preDigest, Bytes authority) {
  public SlotClaim {
    preDigest = List.copyOf(preDigest);
  }
}
