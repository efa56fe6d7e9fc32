/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.babe;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import java.util.List;
import java.util.Optional;

/**
 * A BABE epoch: who may claim its slots and with which randomness. Stored as {@code {index u64,
 * start_slot u64, duration u64, authorities, randomness [u8; 32], c (u64, u64), allowed_slots u8}}.
 *
 * @param index the epoch index (0 for the genesis epoch)
 * @param startSlot its first slot
 * @param duration its number of slots
 * @param authorities its authorities
 * @param randomness its randomness
 * @param c its primary slot probability
 * @param allowedSlots the secondary claims it accepts
 */
public record Epoch(
    long index,
    long startSlot,
    long duration,
    List<BabeAuthority> authorities,
    Bytes randomness,
    Ratio c,
    AllowedSlots allowedSlots) {

  public static final ScaleCodec<Epoch> CODEC =
      ScaleCodec.of("Epoch", Epoch::encode, Epoch::decode);

  public Epoch {
    authorities = List.copyOf(authorities);
    if (duration <= 0) {
      throw new IllegalArgumentException("an epoch lasts at least one slot, not " + duration);
    }
  }

  /** The first slot after this epoch. */
  public long endSlot() {
    return startSlot + duration;
  }

  /**
   * The epoch that follows this one, as announced by its first block.
   *
   * @param next the announced authorities and randomness
   * @param config the announced configuration, or this epoch's if none
   */
  public Epoch increment(
      BabeConsensusLog.NextEpochData next, Optional<BabeConsensusLog.NextConfigData> config) {
    return new Epoch(
        index + 1,
        endSlot(),
        duration,
        next.authorities(),
        next.randomness(),
        config.map(BabeConsensusLog.NextConfigData::c).orElse(c),
        config.map(BabeConsensusLog.NextConfigData::allowedSlots).orElse(allowedSlots));
  }

  /**
   * This epoch moved forward by whole epochs so that it holds {@code slot}: when no block was
   * produced during one or more epochs, the next block reuses the last announced epoch's data at
   * the slot's epoch index (as Substrate does since epochs may be skipped).
   */
  public Epoch forSlot(long slot) {
    if (slot < endSlot()) {
      return this;
    }
    long skipped = (slot - startSlot) / duration;
    return new Epoch(
        index + skipped,
        startSlot + skipped * duration,
        duration,
        authorities,
        randomness,
        c,
        allowedSlots);
  }

  /** The index of the authority with this key, or -1. */
  public int indexOf(Bytes publicKey) {
    for (int i = 0; i < authorities.size(); i++) {
      if (authorities.get(i).publicKey().equals(publicKey)) {
        return i;
      }
    }
    return -1;
  }

  private static void encode(ScaleWriter w, Epoch e) {
    w.writeU64(e.index).writeU64(e.startSlot).writeU64(e.duration);
    w.writeVec(e.authorities, BabeAuthority.CODEC).writeRaw(e.randomness);
    w.writeU64(e.c.numerator()).writeU64(e.c.denominator()).writeU8(e.allowedSlots.index());
  }

  private static Epoch decode(ScaleReader r) {
    return new Epoch(
        r.readI64(),
        r.readI64(),
        r.readI64(),
        r.readVec(BabeAuthority.CODEC),
        r.readFixed(32),
        new Ratio(r.readI64(), r.readI64()),
        AllowedSlots.fromIndex(r.readVariant("AllowedSlots", 3)));
  }
}
