/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.babe;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import java.time.Duration;
import java.util.List;

/**
 * The chain's BABE configuration, from {@code BabeApi_configuration}: {@code {slot_duration u64
 * (ms), epoch_length u64, c (u64, u64), authorities Vec<(AuthorityId, u64)>, randomness [u8; 32],
 * allowed_slots}}. Runtimes with {@code BabeApi} version 1 (Kusama 2019, Westend 2020) end with
 * {@code secondary_slots: bool} instead of {@code allowed_slots}: true means secondary plain slots.
 *
 * @param slotDuration the slot length
 * @param epochLength the number of slots of an epoch
 * @param c the primary slot probability of the genesis epoch
 * @param authorities the authorities of the genesis epoch
 * @param randomness the randomness of the genesis epoch
 * @param allowedSlots the secondary claims of the genesis epoch
 */
public record BabeConfiguration(
    Duration slotDuration,
    long epochLength,
    Ratio c,
    List<BabeAuthority> authorities,
    Bytes randomness,
    AllowedSlots allowedSlots) {

  /** The runtime call that answers it. */
  public static final String CALL = "BabeApi_configuration";

  public BabeConfiguration {
    authorities = List.copyOf(authorities);
  }

  /**
   * Decodes the answer of {@link #CALL}.
   *
   * @param babeApiVersion the runtime's {@code BabeApi} version
   * @throws ScaleDecodingException if the bytes are not a configuration of that version
   */
  public static BabeConfiguration decode(Bytes encoded, long babeApiVersion) {
    ScaleReader r = new ScaleReader(encoded);
    long slotMillis = r.readI64();
    long epochLength = r.readI64();
    Ratio c = new Ratio(r.readI64(), r.readI64());
    List<BabeAuthority> authorities = r.readVec(BabeAuthority.CODEC);
    Bytes randomness = r.readFixed(32);
    AllowedSlots allowed;
    if (babeApiVersion <= 1) {
      allowed =
          r.readBool()
              ? AllowedSlots.PRIMARY_AND_SECONDARY_PLAIN_SLOTS
              : AllowedSlots.PRIMARY_SLOTS;
    } else {
      allowed = AllowedSlots.fromIndex(r.readVariant("AllowedSlots", 3));
    }
    r.expectEnd("BabeConfiguration");
    if (slotMillis <= 0 || epochLength <= 0) {
      throw new ScaleDecodingException(
          0,
          "BabeConfiguration",
          "slot duration " + slotMillis + " ms and epoch length " + epochLength + " must be > 0");
    }
    return new BabeConfiguration(
        Duration.ofMillis(slotMillis), epochLength, c, authorities, randomness, allowed);
  }

  /** The genesis epoch: epoch 0, starting at the slot of block #1. */
  public Epoch genesisEpoch(long firstSlot) {
    return new Epoch(0, firstSlot, epochLength, authorities, randomness, c, allowedSlots);
  }
}
