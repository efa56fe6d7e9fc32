/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.slots;

import io.basalt.node.authoring.InherentData;
import io.basalt.node.authoring.SealingEngine;
import io.basalt.node.authoring.SealingException;
import io.basalt.node.consensus.SlotAuthorship;
import io.basalt.node.consensus.SlotClaim;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.Header;
import java.util.List;
import java.util.Optional;

/**
 * Fast-forward of a slot-based chain (Chopsticks' {@code dev_newBlock} speed): each block asked of
 * the dev sealer takes the first slot a local key may claim at or after both the parent's slot + 1
 * and the slot of the sealer's clock (which {@code dev_timeTravel} moves), and a timestamp at the
 * start of that slot. The chain runs ahead of the wall clock and still verifies.
 *
 * <pre>{@code
 * DevSealer sealer = new DevSealer(mode, proposer, importer, pool, clock, false,
 *     Optional.of(new FastForward(aura)));
 * }</pre>
 */
public final class FastForward implements SealingEngine {
  /** How many slots are searched for one a local key may claim. */
  public static final int MAX_SLOT_SEARCH = 4096;

  private final SlotAuthorship engine;

  public FastForward(SlotAuthorship engine) {
    this.engine = engine;
  }

  @Override
  public Claim claim(Header parent, long unixMillis) {
    long slotMillis;
    long from;
    try {
      slotMillis = engine.slotDuration(parent).toMillis();
      from = Math.max(engine.slotOf(parent) + 1, unixMillis / slotMillis);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new SealingException(SealingException.Reason.PROPOSAL_FAILED, e.getMessage(), e);
    }
    for (long slot = from; slot < from + MAX_SLOT_SEARCH; slot++) {
      Optional<SlotClaim> claim = engine.claim(parent, slot);
      if (claim.isPresent()) {
        SlotClaim c = claim.get();
        InherentData inherents =
            engine.inherents(
                c, InherentData.empty().withTimestamp(Math.multiplyExact(c.slot(), slotMillis)));
        return new Claimed(engine, c, inherents);
      }
    }
    throw new SealingException(
        SealingException.Reason.NO_AUTHORITY_KEY,
        "no key of this node may author on #"
            + parent.number()
            + ": the keystore has no key of the chain's authorities for slots "
            + from
            + ".."
            + (from + MAX_SLOT_SEARCH - 1)
            + " (start with --alice or add one with `key insert`)");
  }

  private record Claimed(SlotAuthorship engine, SlotClaim claim, InherentData inherents)
      implements Claim {
    @Override
    public List<DigestItem> preDigest() {
      return claim.preDigest();
    }

    @Override
    public DigestItem.Seal seal(Header unsealed) {
      return engine.seal(claim, unsealed);
    }
  }
}
