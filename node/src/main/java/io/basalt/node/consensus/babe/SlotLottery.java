/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.babe;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.merlin.Transcript;
import io.basalt.primitives.crypto.sr25519.Sr25519Vrf;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Who may claim a BABE slot (sc-consensus-babe's {@code authorship}): a primary claim needs a VRF
 * output below the authority's threshold; each slot also has one secondary author.
 *
 * <ul>
 *   <li>VRF input: the merlin transcript {@code "BABE"} with {@code "slot number"} (u64 LE), {@code
 *       "current epoch"} (u64 LE) and {@code "chain randomness"} (32 bytes).
 *   <li>VRF value: the first 16 bytes of {@code make_bytes("substrate-babe-vrf")}, as a
 *       little-endian u128.
 *   <li>Threshold: {@code floor(2^128 * p)} with {@code p = 1 - (1 - c)^(w / total weight)}
 *       computed in f64, then converted exactly, as Substrate does.
 *   <li>Secondary author: {@code blake2b-256(randomness ‖ slot u64 LE)} read as a big-endian
 *       unsigned integer, modulo the number of authorities.
 * </ul>
 */
public final class SlotLottery {
  /** The {@code make_bytes} context of BABE's VRF output. */
  public static final byte[] VRF_CONTEXT = "substrate-babe-vrf".getBytes(StandardCharsets.US_ASCII);

  private static final BigDecimal TWO_POW_128 = new BigDecimal(BigInteger.ONE.shiftLeft(128));

  private SlotLottery() {}

  /** The VRF input of a claim of {@code slot} in the epoch {@code epochIndex}. */
  public static Transcript transcript(Bytes randomness, long slot, long epochIndex) {
    Transcript t = new Transcript("BABE");
    t.appendU64("slot number", slot);
    t.appendU64("current epoch", epochIndex);
    t.appendMessage("chain randomness", randomness.toArray());
    return t;
  }

  /** The VRF input of a claim of {@code slot} in {@code epoch}. */
  public static Transcript transcript(Epoch epoch, long slot) {
    return transcript(epoch.randomness(), slot, epoch.index());
  }

  /**
   * The primary threshold of the authority at {@code index}.
   *
   * @throws IllegalArgumentException if its weight is 0 or {@code c} is not below 1
   */
  public static BigInteger primaryThreshold(Ratio c, List<BabeAuthority> authorities, int index) {
    long total = 0;
    for (BabeAuthority a : authorities) {
      total += a.weight();
    }
    long weight = authorities.get(index).weight();
    if (weight == 0) {
      throw new IllegalArgumentException("authority #" + index + " has weight 0");
    }
    return primaryThreshold(c, weight, total);
  }

  /**
   * The primary threshold of an authority of weight {@code weight} among authorities weighing
   * {@code totalWeight} together.
   *
   * @throws IllegalArgumentException if the weight is 0 or {@code c} is not below 1
   */
  public static BigInteger primaryThreshold(Ratio c, long weight, long totalWeight) {
    double theta = Ratio.unsignedToDouble(weight) / Ratio.unsignedToDouble(totalWeight);
    if (!(theta > 0.0)) {
      throw new IllegalArgumentException("an authority of weight 0 has no primary threshold");
    }
    double cValue = c.value();
    if (!(cValue >= 0.0 && cValue < 1.0)) {
      throw new IllegalArgumentException("BABE's c must be in [0, 1), not " + c);
    }
    double p = 1.0 - StrictMath.pow(1.0 - cValue, theta);
    return new BigDecimal(p).multiply(TWO_POW_128).toBigInteger();
  }

  /** The value a VRF pre-output gives (the number compared with the threshold). */
  public static BigInteger vrfValue(Bytes publicKey, Transcript input, Bytes preOutput) {
    byte[] le = Sr25519Vrf.makeBytes(VRF_CONTEXT, publicKey.toArray(), input, preOutput, 16);
    byte[] be = new byte[16];
    for (int i = 0; i < 16; i++) {
      be[i] = le[15 - i];
    }
    return new BigInteger(1, be);
  }

  /** The index of the secondary author of {@code slot} among {@code count} authorities. */
  public static int secondaryAuthor(Bytes randomness, long slot, int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("an epoch without authorities has no secondary author");
    }
    byte[] hash =
        Hashing.blake2b256(new ScaleWriter(40).writeRaw(randomness).writeU64(slot).toByteArray());
    return new BigInteger(1, hash).mod(BigInteger.valueOf(count)).intValueExact();
  }
}
