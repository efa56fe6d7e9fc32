/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.slots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.node.authoring.InherentData;
import io.basalt.node.authoring.SealingEngine;
import io.basalt.node.authoring.SealingException;
import io.basalt.node.consensus.SlotAuthorship;
import io.basalt.node.consensus.SlotClaim;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/**
 * Fast-forward's slot choice against an engine whose local key may claim the slots a predicate
 * says: the first claimable slot at or after both the parent's slot + 1 and the clock's slot, a
 * timestamp at its start, and a one-line refusal when no slot in the search can be claimed.
 */
class FastForwardTest {
  private static final EngineId TEST = EngineId.of("test");

  /** An engine of 6 s slots whose slot is its pre-digest's u64. */
  private record Engine(LongPredicate claimable) implements SlotAuthorship {
    @Override
    public Duration slotDuration(Header parent) {
      return Duration.ofSeconds(6);
    }

    @Override
    public long slotOf(Header header) {
      return header.number() == 0
          ? 0
          : header.digest().stream()
              .filter(DigestItem.PreRuntime.class::isInstance)
              .map(d -> new ScaleReader(((DigestItem.PreRuntime) d).data()).readI64())
              .findFirst()
              .orElseThrow();
    }

    @Override
    public Optional<SlotClaim> claim(Header parent, long slot) {
      return claimable.test(slot)
          ? Optional.of(new SlotClaim(slot, List.of(preDigest(slot)), Bytes.EMPTY))
          : Optional.empty();
    }

    @Override
    public InherentData inherents(SlotClaim claim, InherentData base) {
      return base.with(InherentData.identifier("testslot"), slotBytes(claim.slot()));
    }

    @Override
    public DigestItem.Seal seal(SlotClaim claim, Header unsealed) {
      return new DigestItem.Seal(TEST, unsealed.hash().toBytes());
    }
  }

  private static Bytes slotBytes(long slot) {
    return Bytes.wrap(new ScaleWriter(8).writeU64(slot).toByteArray());
  }

  private static DigestItem.PreRuntime preDigest(long slot) {
    return new DigestItem.PreRuntime(TEST, slotBytes(slot));
  }

  private static Header atSlot(long number, long slot) {
    return new Header(Hash256.ZERO, number, Hash256.ZERO, Hash256.ZERO, List.of(preDigest(slot)));
  }

  private static long timestamp(SealingEngine.Claim claim) {
    return new ScaleReader(claim.inherents().values().get(InherentData.TIMESTAMP)).readI64();
  }

  @Test
  void takesTheParentsNextSlotWhenTheChainIsAheadOfTheClock() {
    FastForward ff = new FastForward(new Engine(slot -> true));
    SealingEngine.Claim claim = ff.claim(atSlot(7, 1_000), 6_000L * 10);
    assertThat(claim.preDigest()).containsExactly(preDigest(1_001));
    assertThat(timestamp(claim)).isEqualTo(1_001 * 6_000L);
    assertThat(claim.inherents().values().get(InherentData.identifier("testslot")))
        .isEqualTo(slotBytes(1_001));
  }

  @Test
  void takesTheClocksSlotWhenTheClockIsAheadAndSkipsSlotsOfOtherAuthors() {
    FastForward ff = new FastForward(new Engine(slot -> slot % 3 == 0));
    long clock = 6_000L * 500 + 4_321; // in slot 500; the next slot divisible by 3 is 501
    SealingEngine.Claim claim = ff.claim(atSlot(7, 10), clock);
    assertThat(claim.preDigest()).containsExactly(preDigest(501));
    assertThat(timestamp(claim)).isEqualTo(501 * 6_000L);
  }

  @Test
  void sealsTheBuiltHeaderThroughTheEngine() {
    FastForward ff = new FastForward(new Engine(slot -> true));
    Header unsealed = atSlot(8, 11);
    assertThat(ff.claim(atSlot(7, 10), 0).seal(unsealed))
        .isEqualTo(new DigestItem.Seal(TEST, unsealed.hash().toBytes()));
  }

  @Test
  void refusesInOneLineWhenNoLocalKeyMayAuthor() {
    FastForward ff = new FastForward(new Engine(slot -> false));
    assertThatThrownBy(() -> ff.claim(atSlot(7, 10), 0))
        .isInstanceOfSatisfying(
            SealingException.class,
            e -> assertThat(e.reason()).isEqualTo(SealingException.Reason.NO_AUTHORITY_KEY))
        .hasMessage(
            "no key of this node may author on #7: the keystore has no key of the chain's"
                + " authorities for slots 11.."
                + (11 + FastForward.MAX_SLOT_SEARCH - 1)
                + " (start with --alice or add one with `key insert`)");
  }
}
