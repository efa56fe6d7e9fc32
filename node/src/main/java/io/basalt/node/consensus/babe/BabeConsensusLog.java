/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.babe;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import java.util.List;

/**
 * A message of the BABE runtime module to the node, the data of a {@code Consensus(BABE, ..)}
 * digest (sp-consensus-babe's {@code ConsensusLog}): variant 1 NextEpochData {@code {authorities:
 * Vec<(AuthorityId, u64)>, randomness: [u8; 32]}}, 2 OnDisabled {@code (u32)}, 3 NextConfigData
 * {@code V1 {c: (u64, u64), allowed_slots}} (inner variant 1).
 */
public sealed interface BabeConsensusLog {

  /**
   * The authorities and randomness of the epoch after the one this block starts.
   *
   * @param authorities the next epoch's authorities
   * @param randomness the next epoch's randomness
   */
  record NextEpochData(List<BabeAuthority> authorities, Bytes randomness)
      implements BabeConsensusLog {
    public NextEpochData {
      authorities = List.copyOf(authorities);
      if (randomness.length() != 32) {
        throw new IllegalArgumentException("BABE randomness is 32 bytes");
      }
    }
  }

  /** The authority at this index is disabled for the rest of the epoch. */
  record OnDisabled(int authorityIndex) implements BabeConsensusLog {}

  /**
   * The configuration of the epoch after the one this block starts (with a NextEpochData).
   *
   * @param c the primary slot probability {@code c.numerator / c.denominator}
   * @param allowedSlots which secondary claims it accepts
   */
  record NextConfigData(Ratio c, AllowedSlots allowedSlots) implements BabeConsensusLog {}

  ScaleCodec<BabeConsensusLog> CODEC =
      ScaleCodec.of("BabeConsensusLog", BabeConsensusLog::encode, BabeConsensusLog::decode);

  /** This log as a digest item. */
  default DigestItem.Consensus toDigest() {
    return new DigestItem.Consensus(EngineId.BABE, Bytes.wrap(CODEC.encode(this)));
  }

  /**
   * The BABE logs of {@code header}, in order.
   *
   * @throws BabeDigestException if one does not decode
   */
  static List<BabeConsensusLog> all(Header header) {
    return header.digest().stream()
        .filter(d -> d instanceof DigestItem.Consensus c && c.engine().equals(EngineId.BABE))
        .map(d -> decodeItem(((DigestItem.Consensus) d).data()))
        .toList();
  }

  private static BabeConsensusLog decodeItem(Bytes data) {
    try {
      return CODEC.decode(data);
    } catch (ScaleDecodingException e) {
      throw new BabeDigestException("its BABE consensus digest is malformed: " + e.getMessage());
    }
  }

  private static void encode(ScaleWriter w, BabeConsensusLog log) {
    switch (log) {
      case NextEpochData(List<BabeAuthority> authorities, Bytes randomness) ->
          w.writeU8(1).writeVec(authorities, BabeAuthority.CODEC).writeRaw(randomness);
      case OnDisabled(int index) -> w.writeU8(2).writeU32(Integer.toUnsignedLong(index));
      case NextConfigData(Ratio c, AllowedSlots allowed) ->
          w.writeU8(3)
              .writeU8(1)
              .writeU64(c.numerator())
              .writeU64(c.denominator())
              .writeU8(allowed.index());
    }
  }

  private static BabeConsensusLog decode(ScaleReader r) {
    int at = r.position();
    int variant = r.readU8();
    return switch (variant) {
      case 1 -> new NextEpochData(r.readVec(BabeAuthority.CODEC), r.readFixed(32));
      case 2 -> new OnDisabled(r.readI32());
      case 3 -> {
        int version = r.position();
        if (r.readU8() != 1) {
          throw new ScaleDecodingException(
              version, "NextConfigDescriptor", "only version 1 (index 1) exists");
        }
        Ratio c = new Ratio(r.readI64(), r.readI64());
        yield new NextConfigData(c, AllowedSlots.fromIndex(r.readVariant("AllowedSlots", 3)));
      }
      default ->
          throw new ScaleDecodingException(
              at, "BabeConsensusLog", "unknown variant index " + variant);
    };
  }
}
