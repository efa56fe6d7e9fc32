/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.babe;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.sr25519.Sr25519Vrf;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import java.util.List;
import java.util.Optional;

/**
 * A block's BABE slot claim, the data of its {@code PreRuntime(BABE, ..)} digest
 * (sp-consensus-babe's {@code PreDigest}): variant 1 Primary {@code {authority_index u32, slot u64,
 * vrf pre-output 32, vrf proof 64}}, 2 SecondaryPlain {@code {authority_index, slot}}, 3
 * SecondaryVRF {@code {authority_index, slot, pre-output, proof}}. The 2019/2020 runtimes (Kusama,
 * Westend genesis) use the same bytes.
 *
 * <pre>{@code
 * BabePreDigest claim = BabePreDigest.find(header).orElseThrow();
 * long slot = claim.slot();
 * }</pre>
 */
public sealed interface BabePreDigest {
  /** The claiming authority's index in the epoch's authority list. */
  int authorityIndex();

  /** The claimed slot. */
  long slot();

  /** A primary claim: a VRF output below the authority's threshold. */
  record Primary(int authorityIndex, long slot, Sr25519Vrf.VrfSignature vrf)
      implements BabePreDigest {}

  /** A secondary claim by the slot's secondary author, without VRF. */
  record SecondaryPlain(int authorityIndex, long slot) implements BabePreDigest {}

  /** A secondary claim by the slot's secondary author, with a VRF output (for randomness). */
  record SecondaryVrf(int authorityIndex, long slot, Sr25519Vrf.VrfSignature vrf)
      implements BabePreDigest {}

  ScaleCodec<BabePreDigest> CODEC =
      ScaleCodec.of("BabePreDigest", BabePreDigest::encode, BabePreDigest::decode);

  /** The VRF signature of a primary or secondary VRF claim. */
  default Optional<Sr25519Vrf.VrfSignature> vrfSignature() {
    return switch (this) {
      case Primary p -> Optional.of(p.vrf());
      case SecondaryVrf s -> Optional.of(s.vrf());
      case SecondaryPlain s -> Optional.empty();
    };
  }

  /** A short name for messages: primary, secondary plain, secondary VRF. */
  default String kind() {
    return switch (this) {
      case Primary p -> "primary";
      case SecondaryPlain s -> "secondary plain";
      case SecondaryVrf s -> "secondary VRF";
    };
  }

  /** This claim as the header's pre-runtime digest item. */
  default DigestItem.PreRuntime toDigest() {
    return new DigestItem.PreRuntime(EngineId.BABE, Bytes.wrap(CODEC.encode(this)));
  }

  /**
   * The BABE claim of {@code header}, if it has exactly one.
   *
   * @throws BabeDigestException if it has several or one that does not decode
   */
  static Optional<BabePreDigest> find(Header header) {
    List<DigestItem.PreRuntime> items =
        header.digest().stream()
            .filter(d -> d instanceof DigestItem.PreRuntime p && p.engine().equals(EngineId.BABE))
            .map(DigestItem.PreRuntime.class::cast)
            .toList();
    if (items.size() > 1) {
      throw new BabeDigestException("it has " + items.size() + " BABE pre-runtime digests");
    }
    if (items.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(CODEC.decode(items.getFirst().data()));
    } catch (ScaleDecodingException e) {
      throw new BabeDigestException("its BABE pre-runtime digest is malformed: " + e.getMessage());
    }
  }

  private static void encode(ScaleWriter w, BabePreDigest d) {
    switch (d) {
      case Primary(int index, long slot, Sr25519Vrf.VrfSignature vrf) ->
          w.writeU8(1)
              .writeU32(Integer.toUnsignedLong(index))
              .writeU64(slot)
              .writeRaw(vrf.toBytes());
      case SecondaryPlain(int index, long slot) ->
          w.writeU8(2).writeU32(Integer.toUnsignedLong(index)).writeU64(slot);
      case SecondaryVrf(int index, long slot, Sr25519Vrf.VrfSignature vrf) ->
          w.writeU8(3)
              .writeU32(Integer.toUnsignedLong(index))
              .writeU64(slot)
              .writeRaw(vrf.toBytes());
    }
  }

  private static BabePreDigest decode(ScaleReader r) {
    int at = r.position();
    int variant = r.readU8();
    return switch (variant) {
      case 1 -> new Primary(r.readI32(), r.readI64(), vrf(r));
      case 2 -> new SecondaryPlain(r.readI32(), r.readI64());
      case 3 -> new SecondaryVrf(r.readI32(), r.readI64(), vrf(r));
      default ->
          throw new ScaleDecodingException(at, "BabePreDigest", "unknown variant index " + variant);
    };
  }

  private static Sr25519Vrf.VrfSignature vrf(ScaleReader r) {
    return new Sr25519Vrf.VrfSignature(
        r.readFixed(Sr25519Vrf.PRE_OUTPUT_LENGTH), r.readFixed(Sr25519Vrf.PROOF_LENGTH));
  }
}
