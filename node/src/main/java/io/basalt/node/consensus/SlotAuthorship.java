/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus;

import io.basalt.node.authoring.InherentData;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.Header;
import java.time.Duration;
import java.util.Optional;

/**
 * The authoring side of a slot-based engine (Aura, BABE): time is cut into slots; in each, the
 * engine says whether a key in the node's keystore may author on a given parent, what the block
 * carries and how it is sealed. Used on the clock by the slot worker and on demand in fast-forward
 * ({@code --consensus manual} and friends on a real chain), where each block takes the next slot
 * the local keys can claim.
 */
public interface SlotAuthorship {
  /** The slot length of the chain at {@code parent}. */
  Duration slotDuration(Header parent);

  /** The slot of a block of this engine (from its pre-runtime digest); 0 for the genesis block. */
  long slotOf(Header header);

  /**
   * Claims {@code slot} on top of {@code parent} with a key of the node's keystore.
   *
   * @return the claim, or empty if no local key may author that slot
   */
  Optional<SlotClaim> claim(Header parent, long slot);

  /**
   * The inherent data of a block in {@code claim}'s slot: {@code base} (with the timestamp) and the
   * engine's own (e.g. {@code auraslot}, {@code babeslot}).
   */
  InherentData inherents(SlotClaim claim, InherentData base);

  /**
   * Seals a block built for {@code claim}: the seal item the header gets as its last digest item,
   * the signature of the hash of {@code unsealed} by the claim's authority key.
   */
  DigestItem.Seal seal(SlotClaim claim, Header unsealed);
}
